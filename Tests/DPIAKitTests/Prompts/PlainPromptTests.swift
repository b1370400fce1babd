import TestSupport
import Testing

@testable import DPIAKit

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

/// The forms an assessor types numbers, dates and yes/no in, and what each is taken as.
@Suite struct TypedFormsTests {
    @Test(arguments: [
        ("1500", 1500), ("1,500", 1500), ("5,000", 5000), ("1,000,000", 1_000_000), (" 42 ", 42),
    ])
    func numbersWithThousandsSeparatorsAreAccepted(text: String, number: Int) {
        let prompt = IntegerPrompt(PromptHeading(title: "How many?"))
        #expect(prompt.run(on: ScriptedLineIO(lines: [text])) == .answered(number))
        let terminal = ScriptedTerminal(keys: KeyEvent.typing(text) + [.enter])
        #expect(prompt.run(on: terminal) == .answered(number))
        #expect(terminal.screenText.contains("› \(number)"))
    }

    @Test(arguments: ["1,5", "1,50", "15,00,000", ",500", "1.500"])
    func numbersGroupedWronglyAreRefused(text: String) {
        let io = ScriptedLineIO(lines: [text])
        #expect(IntegerPrompt(PromptHeading(title: "How many?")).run(on: io) == .endOfInput)
        #expect(io.written.contains("“\(text)” is not a whole number."))
    }

    @Test(arguments: ["2026-12-01", "1/12/2026", "01/12/2026", "1/12/2026 "])
    func ukAndISODatesAreAcceptedAndEchoedAsISO(text: String) {
        let prompt = DatePrompt(PromptHeading(title: "When?"))
        let io = ScriptedLineIO(lines: [text])
        #expect(prompt.run(on: io).answer?.description == "2026-12-01")
        #expect(io.written.contains("(Taken as 2026-12-01.)") == text.contains("/"))
        let terminal = ScriptedTerminal(keys: KeyEvent.typing(text) + [.enter])
        #expect(prompt.run(on: terminal).answer?.description == "2026-12-01")
        #expect(terminal.screenText.contains("When? › 2026-12-01"))
    }

    @Test(arguments: ["12/1/26", "31/02/2026", "2026/12/01", "12-01-2026", "1/13/2026"])
    func ambiguousOrImpossibleDatesAreRefused(text: String) {
        let io = ScriptedLineIO(lines: [text])
        #expect(DatePrompt(PromptHeading(title: "When?")).run(on: io) == .endOfInput)
        #expect(
            io.written.contains(
                "Please enter a real date as YYYY-MM-DD or DD/MM/YYYY, for example 2024-03-31 or 31/03/2024.")
        )
    }
}
