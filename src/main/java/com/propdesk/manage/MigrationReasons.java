package com.propdesk.manage;

import java.util.List;
import java.util.Map;

/**
 * The engine's reasons for refusing a migration, in the words a manager reads; the engine's own text is kept beside
 * it in every answer, so a reason this list does not know is still shown as the engine gave it.
 */
final class MigrationReasons {

	private static final List<Map.Entry<String, String>> KNOWN = List.of(
			Map.entry("There is no migration instruction for this instance's activity", "所在步骤在新版本中没有对应的步骤（已删除或编号改变），不能迁移"),
			Map.entry("is not supported for activity instance migration", "所在步骤的类型不支持迁移"),
			Map.entry("Activities have incompatible types", "新旧步骤的类型不同，不能对应"),
			Map.entry("Events are not of the same type", "新旧事件的类型不同，不能对应"),
			Map.entry("does not define a persistent event trigger", "该步骤没有可以更新的事件触发"),
			Map.entry("Conditional event has to migrate with update event trigger", "条件事件迁移时必须更新触发条件"),
			Map.entry("There are multiple mappings for source activity", "一个旧步骤对应了多个新步骤"),
			Map.entry("Only one gateway can be mapped to gateway", "多个网关对应到了同一个新网关"),
			Map.entry("The target gateway must have at least the same number of incoming sequence flows",
					"新网关的进入连线比旧网关少，正在汇合的事项不能迁移"),
			Map.entry("Transition instance", "事项正停在两个步骤之间（异步继续），新版本中没有对应的位置"),
			Map.entry("Process instance contains not migrated", "事项中还有未对应到新版本的部分"),
			Map.entry("must be mapped", "与之相连的步骤（如边界事件或子流程）也必须对应到新版本"),
			Map.entry("multi-instance", "多实例步骤必须连同内部步骤一起对应"),
			Map.entry("does not match the source process definition", "事项不在迁移计划的旧版本上"),
			Map.entry("The process instance does not exist", "事项的流程已结束或不存在"),
			Map.entry("is not an ancestor of target scope", "新步骤所在的子流程与旧版本的层次不一致"),
			Map.entry("The user with id", "无权迁移此流程的事项"),
			Map.entry("does not have", "无权迁移此流程的事项"));

	private MigrationReasons() {
	}

	static String chinese(String original) {
		if (original == null) {
			return "迁移失败（引擎未给出原因）";
		}
		return KNOWN.stream().filter(known -> original.contains(known.getKey())).map(Map.Entry::getValue).findFirst()
				.orElse("引擎拒绝迁移（原因见原文）");
	}

}
