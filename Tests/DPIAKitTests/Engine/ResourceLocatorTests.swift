import Testing

@testable import DPIAKit

@Suite("Resource locator")
struct ResourceLocatorTests {
    @Test func looksInTheEnvironmentThenBesideTheBinaryThenTheBuildCheckoutThenTheSources() {
        let locator = ResourceLocator(
            environment: ["DPIA_HOME": "/opt/dpia"],
            executablePath: "/src/dpia/.build/x86_64-unknown-linux-gnu/debug/dpia",
            sourceRoot: "/src/dpia")
        #expect(
            locator.candidates == [
                "/opt/dpia", "/src/dpia/.build/x86_64-unknown-linux-gnu/share/dpia", "/src/dpia",
            ])
        let installed = ResourceLocator(
            environment: [:], executablePath: "/usr/local/bin/dpia", sourceRoot: nil)
        #expect(installed.candidates == ["/usr/local/share/dpia"])
    }

    @Test func theErrorListsEveryPlaceItLooked() {
        let locator = ResourceLocator(
            environment: [:], executablePath: "/nowhere/bin/dpia", sourceRoot: "/also/nowhere")
        #expect(throws: ResourceError.self) { try locator.home() }
        do {
            _ = try locator.home()
        } catch {
            #expect(
                error.description
                    == "cannot find dpia's Questionnaires/ and Templates/ folders; looked in:\n  /nowhere/share/dpia\n  /also/nowhere\nset DPIA_HOME to the folder holding them, or pass --questionnaire PATH and --templates DIR"
            )
        }
    }
}
