package com.propdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules, checked: a case type (repair, complaint, …) never calls another — a case opened from another
 * goes through the shared case service and a message — and the shared capabilities never call a case type.
 */
@AnalyzeClasses(packages = "com.propdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String[] CASE_TYPES = { "..repair..", "..complaint..", "..emergency..", "..inquiry.." };

	@ArchTest
	static final ArchRule caseTypesDoNotImportEachOther = slices().matching("com.propdesk.(repair|complaint|emergency|inquiry)..")
			.should().notDependOnEachOther().allowEmptyShould(true);

	@ArchTest
	static final ArchRule sharedCapabilitiesDoNotDependOnCaseTypes = noClasses()
			.that().resideInAnyPackage("..intake..", "..registry..", "..dispatch..", "..sla..", "..notify..", "..audit..",
					"..security..", "..system..")
			.should().dependOnClassesThat().resideInAnyPackage(CASE_TYPES);

	/** A package that needs one above it is told through an interface it owns or an application event. */
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("com.propdesk.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule noFieldInjection = noClasses().should().dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired");

}
