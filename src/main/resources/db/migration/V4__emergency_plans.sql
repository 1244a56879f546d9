-- The emergency plan library: one row per plan version; the highest version of a type is current.
create table emergency_plan (
    incident_type varchar(32)   not null,
    version       integer       not null,
    title         varchar(100)  not null,
    life_safety   boolean       not null,
    steps         varchar(4000) not null,
    contacts      varchar(500)  not null,
    changed_by    varchar(64)   not null,
    change_note   varchar(1000),
    created_at    timestamp with time zone not null,
    primary key (incident_type, version)
);

-- Drills run the same procedure but are kept out of SLA statistics.
alter table case_record add column drill boolean default false not null;

-- The company's standard plans, version 1 of each; management keeps them current through the staff API
-- and post-incident reviews.
insert into emergency_plan (incident_type, version, title, life_safety, steps, contacts, changed_by, created_at) values
('gas-leak', 1, '燃气泄漏', true, '1. 关闭燃气总阀，严禁开关电器和明火；2. 疏散本单元及相邻单元住户；3. 拨打燃气公司抢修电话，必要时拨打 119；4. 设置警戒，等待专业人员到场', '119；燃气公司抢修 96777', 'system', current_timestamp),
('fire', 1, '火情', true, '1. 立即拨打 119；2. 启动消防广播，组织疏散，优先协助老人、残障住户；3. 切断非消防电源；4. 引导消防车进场', '119', 'system', current_timestamp),
('entrapment', 1, '电梯困人', true, '1. 通过对讲安抚被困人员；2. 通知电梯维保单位，30 分钟内到场；3. 超时或有人身危险时拨打 119；4. 专业人员解救，禁止非专业人员撬门', '电梯维保 400-820-1234；119', 'system', current_timestamp),
('other', 1, '其他危及人身安全的情况', true, '1. 判断险情，必要时拨打 110/119/120；2. 疏散受影响住户；3. 报告管理层', '110；119；120', 'system', current_timestamp),
('burst-pipe', 1, '爆管', false, '1. 关闭楼栋或单元进水阀；2. 工程部抢修；3. 排水、保护电梯和配电设施；4. 通知受影响住户', '自来水公司 96116', 'system', current_timestamp),
('power-cut', 1, '停电', false, '1. 判断是内部故障还是市政停电；2. 内部故障由工程部抢修；3. 市政停电联系供电公司；4. 检查电梯困人和二次供水', '供电公司 95598', 'system', current_timestamp),
('water-cut', 1, '停水', false, '1. 检查二次供水设备；2. 工程部抢修；3. 市政停水联系自来水公司；4. 通知住户预计恢复时间', '自来水公司 96116', 'system', current_timestamp),
('lift-failure', 1, '电梯故障', false, '1. 确认无人被困；2. 停用并设置警示；3. 工程部或维保单位排查；4. 通知本楼住户', '电梯维保 400-820-1234', 'system', current_timestamp);
