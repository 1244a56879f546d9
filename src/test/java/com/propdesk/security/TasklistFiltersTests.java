package com.propdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.CaseProcessTest;
import com.propdesk.IndexColumns;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;

/** The seeded Tasklist filters list the task due soonest first, then the most urgent; old installations get that order. */
@PropDeskTest
class TasklistFiltersTests extends CaseProcessTest {

	private static final String SOONEST_DUE_FIRST = "DUE_DATE_ asc, PRIORITY_ desc";

	@Autowired
	FilterService filterService;

	@Autowired
	IdentitySetup identitySetup;

	@AfterEach
	void signOut() {
		identityService.clearAuthentication();
	}

	private Filter filter(String name) {
		return filterService.createFilterQuery().filterName(name).singleResult();
	}

	@Test
	void seededFiltersListTheTaskDueSoonestFirst() {
		for (String name : List.of(IdentitySetup.MY_TASKS, IdentitySetup.MY_DEPARTMENT, IdentitySetup.ALL_TASKS)) {
			assertThat(IdentitySetup.orderText(filter(name).getQuery())).as(name).isEqualTo(SOONEST_DUE_FIRST);
		}
	}

	@Test
	void aFilterSeededWithoutAnOrderGetsItAtStartUp() {
		Filter mine = filter(IdentitySetup.MY_TASKS);
		mine.setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		filterService.saveFilter(mine);
		assertThat(IdentitySetup.orderText(filter(IdentitySetup.MY_TASKS).getQuery())).isEmpty();

		identitySetup.afterSingletonsInstantiated();

		Filter updated = filter(IdentitySetup.MY_TASKS);
		assertThat(updated.getId()).as("the same filter, with its grants").isEqualTo(mine.getId());
		assertThat(IdentitySetup.orderText(updated.getQuery())).isEqualTo(SOONEST_DUE_FIRST);
		assertThat(filterService.createFilterQuery().filterName(IdentitySetup.MY_TASKS).count()).isEqualTo(1);
	}

	@Test
	void theP1JobReportedLaterIsListedBeforeTheP3Job() {
		String p3 = cases.open(Reports.repair("1", "1-1302", "door-access", "单元门禁刷卡没反应")).record().caseNo();
		TestClock.advance(java.time.Duration.ofMinutes(10));
		String p1 = cases.open(Reports.repair("1", "1-1501", "plumbing", "厨房水管爆裂，漏水严重")).record().caseNo();

		identityService.setAuthentication("manager", List.of(Groups.MANAGEMENT));
		List<Task> listed = filterService.listPage(filter(IdentitySetup.ALL_TASKS).getId(), 0, 200);
		identityService.clearAuthentication();

		List<String> order = listed.stream().map(task -> caseOf(task)).filter(c -> c.equals(p1) || c.equals(p3)).toList();
		assertThat(order).containsExactly(p1, p3);
	}

	/** system.TaskListIndex: the first page of a filter is read from an index in the filters' own order. */
	@Test
	void theTaskTableHasAnIndexInTheFiltersOrder() {
		assertThat(IndexColumns.of(jdbc, "ACT_RU_TASK", "PD_IDX_TASK_LIST_ORDER")).containsExactly("DUE_DATE_ A", "PRIORITY_ D", "CREATE_TIME_ D");
	}

	private String caseOf(Task task) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
				.getBusinessKey();
	}

}
