import DPIAKit
import TestSupport
import Testing

@Suite struct PlainPromptTests {
    private let colours = SingleChoicePrompt(
        PromptHeading(
            title: "Favourite colour?", header: "Section 1 of 3", help: "Pick the one you like most."),
        options: [
            PromptOption(label: "Red", value: "red"), PromptOption(label: "Dark green", value: "green"),
        ],
        defaultIndex: 1)

    @Test func singleChoiceListsNumberedOptionsWithoutEscapeCodes() {
        let io = ScriptedLineIO(lines: ["1"])
        #expect(colours.run(on: io) == .answered(0))
        #expect(
            io.written == [
                "Section 1 of 3", "Favourite colour?", "  1. Red", "  2. Dark green (default)",
                "(Type b to go back, ? for help.)", "Choose 1-2 (Enter for 2):",
            ])
        #expect(!io.transcript.contains("\u{1B}"))
    }

    @Test(arguments: [("2", 1), ("dark GREEN", 1), ("red", 0), ("", 1), (" 1 ", 0)])
    func singleChoiceAcceptsNumbersLabelsValuesAndDefault(line: String, index: Int) {
        #expect(colours.run(on: ScriptedLineIO(lines: [line])) == .answered(index))
    }

    @Test func invalidChoiceIsExplainedAndAskedAgain() {
        let io = ScriptedLineIO(lines: ["7", "purple", "2"])
        #expect(colours.run(on: io) == .answered(1))
        #expect(io.written.contains("Please type a number from 1 to 2."))
        #expect(io.written.contains("“purple” is not one of the options. Please type a number from 1 to 2."))
        #expect(io.written.filter { $0 == "Choose 1-2 (Enter for 2):" }.count == 3)
    }

    @Test func backHelpAndEndOfInput() {
        #expect(colours.run(on: ScriptedLineIO(lines: ["b"])) == .back)
        #expect(colours.run(on: ScriptedLineIO(lines: ["BACK"])) == .back)
        let io = ScriptedLineIO(lines: ["?"])
        #expect(colours.run(on: io) == .endOfInput)
        #expect(io.written.contains("Pick the one you like most."))
        #expect(io.readCount == 2)
    }

    @Test func endOfInputAfterInvalidAnswersStopsInsteadOfLooping() {
        let io = ScriptedLineIO(lines: ["9"])
        let noDefault = SingleChoicePrompt(PromptHeading(title: "Pick"), options: [PromptOption("A")])
        #expect(noDefault.run(on: io) == .endOfInput)
        #expect(io.readCount == 2)
    }

    @Test func yesNoAcceptsWordsLettersAndDefault() {
        let question = YesNoPrompt(PromptHeading(title: "Shared?"), defaultAnswer: true)
        #expect(question.run(on: ScriptedLineIO(lines: ["no"])) == .answered(false))
        #expect(question.run(on: ScriptedLineIO(lines: ["Y"])) == .answered(true))
        #expect(question.run(on: ScriptedLineIO(lines: [""])) == .answered(true))
        let io = ScriptedLineIO(lines: ["maybe", "n"])
        #expect(question.run(on: io) == .answered(false))
        #expect(io.written.contains("Please type y for yes or n for no."))
    }

    @Test func multipleChoiceTakesNumbersLabelsAllAndNoneAndEnforcesMinimum() {
        let prompt = MultipleChoicePrompt(
            PromptHeading(title: "Which data?"),
            options: ["Names", "Addresses", "Health records"].map { PromptOption($0) },
            minimumSelections: 1)
        #expect(prompt.run(on: ScriptedLineIO(lines: ["1,3"])) == .answered([0, 2]))
        #expect(prompt.run(on: ScriptedLineIO(lines: ["3 1"])) == .answered([0, 2]))
        #expect(prompt.run(on: ScriptedLineIO(lines: ["health records, 2"])) == .answered([1, 2]))
        #expect(prompt.run(on: ScriptedLineIO(lines: ["all"])) == .answered([0, 1, 2]))
        let io = ScriptedLineIO(lines: ["none", "4", "2"])
        #expect(prompt.run(on: io) == .answered([1]))
        #expect(io.written.contains("Select at least 1 option (0 selected)."))
        #expect(io.written.contains("“4” is not one of the options. Please type numbers from 1 to 3."))
    }

    @Test func textUsesDefaultValidatesAndEscapesCommands() {
        let prompt = TextPrompt(PromptHeading(title: "Initials?"), defaultValue: "AB") {
            $0.count <= 3 ? nil : "Use at most 3 letters."
        }
        #expect(prompt.run(on: ScriptedLineIO(lines: [""])) == .answered("AB"))
        #expect(prompt.run(on: ScriptedLineIO(lines: ["\\b"])) == .answered("b"))
        #expect(prompt.run(on: ScriptedLineIO(lines: ["b"])) == .back)
        let io = ScriptedLineIO(lines: ["ABCD", "XY"])
        #expect(prompt.run(on: io) == .answered("XY"))
        #expect(io.written.contains("Use at most 3 letters."))
        #expect(io.written.last == "Answer (Enter for “AB”):")
    }

    @Test func longTextReadsLinesUntilAnEmptyOne() {
        let prompt = TextPrompt(PromptHeading(title: "Describe"), multiline: true)
        let io = ScriptedLineIO(lines: ["first", "second", "", "next question"])
        #expect(prompt.run(on: io) == .answered("first\nsecond"))
        #expect(io.written.contains("Type your answer over one or more lines, then an empty line to finish."))
        #expect(prompt.run(on: ScriptedLineIO(lines: ["first"])) == .endOfInput)
        #expect(prompt.run(on: ScriptedLineIO(lines: ["back"])) == .back)
    }

    @Test func integerAndDateRepromptUntilValid() {
        let number = IntegerPrompt(PromptHeading(title: "How many?"), range: 0...10)
        let io = ScriptedLineIO(lines: ["lots", "11", "3"])
        #expect(number.run(on: io) == .answered(3))
        #expect(io.written.contains("“lots” is not a whole number."))
        #expect(io.written.contains("Please enter a number from 0 to 10."))
        let date = DatePrompt(PromptHeading(title: "When?"))
        #expect(
            date.run(on: ScriptedLineIO(lines: ["2024-02-30", "2024-02-28"])).answer?.description
                == "2024-02-28")
        #expect(date.run(on: ScriptedLineIO(lines: ["2024-02-30"])) == .endOfInput)
    }
}
