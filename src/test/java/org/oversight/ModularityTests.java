package org.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(OversightApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("performance", "risk", "finance", "publishing", "governance", "platform", "shared", "structure",
                        "directorates", "delays");
        modules.verify();
    }

    /** The council's structure is named once, below every module that names a part of the council, and itself needs only the kernel. */
    @Test
    void theStructureModuleDependsOnTheKernelOnlyAndTheModulesThatNamePartsOfTheCouncilDependOnIt() {
        ApplicationModule structure = modules.getModuleByName("structure").orElseThrow();
        assertThat(structure.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()))
                .containsOnly("shared");
        for (String user : new String[] {"performance", "risk", "finance", "governance", "platform"}) {
            assertThat(modules.getModuleByName(user).orElseThrow().getDirectDependencies(modules).uniqueModules().anyMatch(structure::equals))
                    .as(user + " names parts of the council through the structure module").isTrue();
        }
    }

    /** A directorate's page reads every other module's public API, and nothing depends on it (publishing finds its paper as a bean). */
    @Test
    void noModuleDependsOnTheDirectoratesPage() {
        ApplicationModule directorates = modules.getModuleByName("directorates").orElseThrow();
        modules.stream().filter(m -> !m.equals(directorates)).forEach(m -> assertThat(m.getDirectDependencies(modules).uniqueModules()
                .anyMatch(directorates::equals)).as(m.getIdentifier() + " does not depend on directorates").isFalse());
        assertThat(directorates.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()))
                .contains("governance", "publishing", "performance", "risk", "finance", "structure");
    }

    /** The module diagram and each module's canvas, under docs/modules, linked from the README: it draws the modules as they are. */
    @Test
    void writesTheModuleDocumentation() throws Exception {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        String diagram = Files.readString(Path.of("docs/modules/components.puml"));
        Set<String> drawn = Pattern.compile("Rel\\(\\S+\\.(\\w+), \\S+\\.(\\w+),").matcher(diagram).results()
                .map(m -> m.group(1) + " -> " + m.group(2)).collect(Collectors.toSet());
        Set<String> real = modules.stream().flatMap(m -> m.getDirectDependencies(modules).uniqueModules()
                .map(d -> m.getDisplayName() + " -> " + d.getDisplayName())).collect(Collectors.toSet());
        modules.forEach(m -> assertThat(diagram).contains("\"" + m.getDisplayName() + "\", $techn=\"Module\""));
        assertThat(drawn).as("the diagram's arrows are the modules' dependencies").isEqualTo(real).contains("Structure -> Shared", "Directorates -> Governance");
    }
}
