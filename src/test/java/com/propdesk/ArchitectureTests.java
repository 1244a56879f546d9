package com.propdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package rules, checked: a case type (repair, complaint, …) never calls another — a case opened from another
 * goes through the shared case service and a message — and the shared capabilities never call a case type.
 */
@AnalyzeClasses(packages = "com.propdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String[] CASE_TYPES = { "..repair..", "..complaint..", "..emergency..", "..inquiry..", "..mediation.." };

	@ArchTest
	static final ArchRule caseTypesDoNotImportEachOther = slices().matching("com.propdesk.(repair|complaint|emergency|inquiry|mediation)..")
			.should().notDependOnEachOther().allowEmptyShould(true);

	@ArchTest
	static final ArchRule sharedCapabilitiesDoNotDependOnCaseTypes = noClasses()
			.that().resideInAnyPackage("..intake..", "..desk..", "..registry..", "..dispatch..", "..sla..", "..notify..", "..audit..",
					"..security..", "..system..", "..manage..")
			.should().dependOnClassesThat().resideInAnyPackage(CASE_TYPES);

	/** A package that needs one above it is told through an interface it owns or an application event. */
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("com.propdesk.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule noFieldInjection = noClasses().should().dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired");

	/**
	 * One file convention for the steps of a case type's diagram: they are nested in the package's {@code XxxDelegates}
	 * class (a bean named as the diagram's {@code delegateExpression}), beside the {@code XxxRules} they call.
	 */
	@ArchTest
	static final ArchRule caseTypeStepsLiveInTheirDelegatesClass = classes().that().resideInAnyPackage(CASE_TYPES)
			.and(new DescribedPredicate<JavaClass>("are steps of a diagram (delegates and listeners)") {
				@Override
				public boolean test(JavaClass c) {
					return c.isAssignableTo(JavaDelegate.class) || c.isAssignableTo(TaskListener.class)
							|| c.isAssignableTo(ExecutionListener.class);
				}
			})
			.should(new ArchCondition<JavaClass>("be nested in the package's XxxDelegates class") {
				@Override
				public void check(JavaClass step, ConditionEvents events) {
					boolean nested = step.getEnclosingClass().map(c -> c.getSimpleName().endsWith("Delegates")).orElse(false);
					events.add(new SimpleConditionEvent(step, nested, step.getName() + " is not nested in an XxxDelegates class"));
				}
			});

}
