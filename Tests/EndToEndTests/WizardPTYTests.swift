import Foundation
import Glibc
import TestSupport
import Testing

@testable import DPIAKit

/// The built binary under a real pseudo-terminal: raw mode, arrow keys, Ctrl-C with the draft kept
/// and the terminal restored, then `--resume` through a whole assessment in the order the decision is
/// made (facts, rating, a decision with owner and due date, rating after it, sign-off, review) to the
/// final answers file and report.
@Suite(.serialized) struct WizardPTYTests {
    static let questionnaire = """
        {
          "id": "pty-fixture", "version": "1", "title": "Chat app check",
          "description": "Checks one chat app.", "estimatedMinutes": 2,
          "sections": [
            { "id": "use", "title": "Use", "icoStep": 2, "questions": [
              { "id": "edition", "type": "single", "prompt": "Which edition is used?", "options": [
                { "value": "consumer", "label": "Consumer" }, { "value": "business", "label": "Business" } ] },
              { "id": "patient_data", "type": "yesno", "prompt": "Is patient data shared?" },
              { "id": "users", "type": "integer", "prompt": "How many staff use it?", "minimum": 1, "default": 10 }
            ] },
            { "id": "measures", "title": "Measures", "icoStep": 6, "questions": [
              { "id": "other_measures", "type": "longtext", "prompt": "Any other measures?", "required": false }
            ] },
            { "id": "sign_off", "title": "Sign-off", "icoStep": 7, "questions": [
              { "id": "approved_by", "type": "text", "prompt": "Who approved the measures?", "required": false }
            ] }
          ],
          "scoring": {
            "likelihood": {
              "levels": [ { "id": "remote", "label": "Remote" }, { "id": "probable", "label": "Probable" } ],
              "bands": [ { "level": "remote", "maximumPoints": 2 }, { "level": "probable" } ] },
            "severity": { "levels": [ { "id": "minimal", "label": "Minimal" }, { "id": "severe", "label": "Severe" } ] },
            "riskLevels": [ { "id": "low", "label": "Low" }, { "id": "high", "label": "High" } ],
            "matrix": {
              "minimal": { "remote": "low", "probable": "low" },
              "severe": { "remote": "low", "probable": "high" } },
            "risks": [ {
              "id": "disclosure", "title": "Disclosure", "description": "Data leaks.", "harm": "Distress.",
              "likelihood": { "base": 1, "factors": [
                { "when": { "question": "patient_data", "equals": true }, "points": 2, "reason": "Patient data" } ] },
              "severity": { "base": "severe" } } ],
            "measures": [ {
              "id": "policy", "title": "Write a usage policy", "description": "Say what may be shared.",
              "reduces": [ { "risk": "disclosure", "likelihood": -2 } ] } ],
            "recommendMeasuresFrom": "high",
            "priorConsultationLevels": ["high"],
            "recommendations": [
              { "id": "stop", "label": "Do not proceed", "summary": "Too risky.", "residualLevels": ["high"] },
              { "id": "go", "label": "Proceed", "summary": "Acceptable." } ]
          }
        }
        """

    /// A fresh folder holding the questionnaire and a one-template templates folder.
    static func makeFolder() throws -> String {
        let folder = try PackageRoot.temporaryDirectory("dpia-wizard-pty").path
        try FileManager.default.createDirectory(
            atPath: folder + "/templates", withIntermediateDirectories: true)
        try questionnaire.write(toFile: folder + "/q.json", atomically: true, encoding: .utf8)
        try "# {{meta.platform}}\nAssessed by {{meta.assessor}}\n".write(
            toFile: folder + "/templates/report.md.mustache", atomically: true, encoding: .utf8)
        return folder
    }

    static func arguments(_ folder: String) -> [String] {
        [
            "--questionnaire", folder + "/q.json", "--templates", folder + "/templates", "--format", "md",
            "--out", folder + "/reports",
        ]
    }

    /// With the built binary's folder on PATH, so the commands it prints start with `dpia`, as for an
    /// installed one; `onPath: false` leaves it off, as in a checkout.
    static func environment(_ folder: String, onPath: Bool = true) -> [String: String] {
        let bin = DPIAProcess.binary.deletingLastPathComponent().path
        return [
            "TERM": "xterm", "NO_COLOR": "1", "PATH": (onPath ? bin + ":" : "") + "/usr/bin:/bin",
            "HOME": folder,
        ]
    }

    /// A re-assessment on the same version (the plain-mode end-to-end test carries a 1.0.0 one forward):
    /// only the sign-off and the optional questions left empty before are asked.
    @Test func fromAnEarlierAssessmentAsksOnlyWhatIsNewOrChangedThenReviews() throws {
        let folder = try PackageRoot.temporaryDirectory("dpia-wizard-from").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            atPath: PackageRoot.path(
                "Questionnaires/examples/1.1.0/whatsapp-ward-group-measures-approved.json"),
            toPath: folder + "/old.json")
        let terminal = try WizardPseudoTerminal()
        let before = terminal.localFlags()
        let run = try terminal.spawn(
            [
                "wizard", "--from", folder + "/old.json", "--draft", folder + "/new.json", "--out",
                folder + "/reports", "--format", "md",
            ], stdoutPath: folder + "/stdout", environment: Self.environment(folder))
        try terminal.waitFor("To answer (11), asked first:")
        // The assessor and the date (defaults kept), the eleven questions left empty (Enter, or Enter on an
        // empty line for a long answer), the review date, then finish as a draft.
        let steps: [(String, String)] = [
            ("Who is carrying out the assessment?", "\r"), ("Date of the assessment", "2026-12-01\r"),
            ("3.3 What did the vendor", "\r"), ("4.9 How are people told", "\r"),
            ("6.1 Any other measures proposed", "\r"), ("7.1 Who approved the measures", "\r"),
            ("7.2 Who accepted the residual risks", "\r"), ("7.3 Has the Data Protection Officer", "\r"),
            ("7.10 Who reviewed the consultation responses", "\r"), ("7.11 Any comments", "\r"),
            ("7.12 Who will keep this assessment under review", "\r"),
            ("7.13 Who signed off for the Senior Information Risk Owner", "\r"),
            ("7.15 Who signed off as Caldicott Guardian", "\r"), ("next be reviewed", "01/06/2027\r"),
            ("Review your answers", "\r"),
        ]
        var seen = terminal.output.startIndex
        for (prompt, keys) in steps {
            try terminal.waitFor(prompt)
            // Each is asked after the one before; a carried question would come between them.
            let at = try #require(terminal.output.range(of: prompt, range: seen..<terminal.output.endIndex))
            seen = at.upperBound
            terminal.type(keys)
        }
        #expect(try terminal.waitForExit(run) == 0)
        #expect(terminal.localFlags() == before)
        // No carried question was asked: the edition and the data shared come with the earlier answers.
        #expect(!terminal.output.contains("Which edition"))
        #expect(
            try String(contentsOfFile: folder + "/stdout", encoding: .utf8)
                == "\(folder)/reports/new.json\n\(folder)/reports/new.md\n")
        let saved = try String(contentsOfFile: folder + "/reports/new.json", encoding: .utf8)
        #expect(saved.contains("\"previous\": {\n    \"file\": \"../old.json\","))
        #expect(saved.contains("\"reviewDate\": \"2027-06-01\""))
        // No sign-off is carried (a measure's owner is: the Caldicott Guardian owns one).
        #expect(!saved.contains("at the IG Steering Group on 16 March 2026"))
        #expect(!saved.contains("\"caldicott_guardian_sign_off\""))
        #expect(saved.contains("\"owner\": \"Dr Alan Reid, Caldicott Guardian\""))
        #expect(
            try String(contentsOfFile: folder + "/reports/new.md", encoding: .utf8).contains(
                "## Changes since the previous assessment"))
    }

    @Test func ctrlCKeepsTheDraftAndRestoresTheTerminalThenResumeFinishes() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let draft = folder + "/chat.draft.json"
        let common = Self.arguments(folder)
        let environment = Self.environment(folder)

        // First run: the details, one question with the arrow keys, then Ctrl-C.
        let terminal = try WizardPseudoTerminal()
        let before = terminal.localFlags()
        #expect(before & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
        let first = try terminal.spawn(
            ["wizard", "--draft", draft] + common, stdoutPath: folder + "/stdout1", environment: environment)
        try terminal.waitFor("Which organisation is doing this assessment?")
        #expect(terminal.localFlags() & tcflag_t(ICANON | ECHO) == 0)
        // Each prompt as it appears, and the keys typed at it.
        let conversation = [
            ("Which organisation is doing this assessment?", "Acme NHS Trust\r"),
            ("Which platform are you assessing?", "ChatApp\r"), ("Your DPIA reference", "\r"),
            ("Who is carrying out the assessment?", "A. Patel\r"), ("Date of the assessment", "\r"),
            ("Which edition is used?", "\u{1B}[B"),
            ("> 2. Business", "\r"), ("Is patient data shared?", "\u{03}"),
        ]
        for (index, (prompt, keys)) in conversation.enumerated() {
            // The first prompt was matched above, to check raw mode before any key.
            if index > 0 { try terminal.waitFor(prompt) }
            terminal.type(keys)
        }
        #expect(try terminal.waitForExit(first) == 130)
        try terminal.waitFor("Your answers are saved in \(draft)")
        try terminal.waitFor("To continue, run:")
        try terminal.waitFor(
            "  dpia wizard --resume \(draft) --questionnaire \(folder)/q.json --out \(folder)/reports --format md --templates \(folder)/templates"
        )
        #expect(terminal.localFlags() == before)
        #expect(
            terminal.output.hasSuffix("\u{1B}[?25h") || terminal.output.contains("\u{1B}[?2004l\u{1B}[?25h"))
        let saved = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(saved.contains("\"organisation\": \"Acme NHS Trust\""))
        #expect(saved.contains("\"edition\": \"business\""))
        #expect(!saved.contains("patient_data"))
        #expect(try String(contentsOfFile: folder + "/stdout1", encoding: .utf8).isEmpty)

        // Second run: resume after the last answer and go through the whole decision.
        let second = try terminal.spawn(
            ["wizard", "--resume", draft] + common, stdoutPath: folder + "/stdout2", environment: environment)
        try terminal.waitFor("Resuming: 1 of 5 questions answered; continuing at question 2 of 5.")
        let decision = [
            ("Is patient data shared?", "y"), ("How many staff use it?", "1,500\r"),
            ("Overall risk before measures: HIGH", ""), ("Approve the measure “Write a usage policy”?", "y"),
            ("Who owns “Write a usage policy”?", "B. Jones, IG lead\r"),
            ("By when will it be in place?", "1/6/2030\r"),
            ("How far has “Write a usage policy” got?", "\u{1B}[B\r"), ("Note on", "Approved by the SIRO\r"),
            ("Any other measures?", "\r"), ("Overall residual risk: LOW (before measures: high)", ""),
            ("Who approved the measures?", "C. Khan, SIRO\r"), ("next be reviewed", "01/12/2030\r"),
            ("Review your answers", "\u{1B}[B\r"),
        ]
        var seen = 0
        for (prompt, keys) in decision {
            try terminal.waitFor(prompt)
            // The screens come in this order: each is found after the one before.
            let at = try #require(
                terminal.output.range(
                    of: prompt,
                    range: terminal.output.index(
                        terminal.output.startIndex, offsetBy: seen)..<terminal.output.endIndex))
            seen = terminal.output.distance(from: terminal.output.startIndex, to: at.lowerBound)
            if !keys.isEmpty { terminal.type(keys) }
        }
        #expect(try terminal.waitForExit(second) == 0)
        try terminal.waitFor("To re-run the assessment from its answers at any time:")
        #expect(terminal.localFlags() == before)
        #expect(
            terminal.output.contains(
                "✓ By when will it be in place? (YYYY-MM-DD or DD/MM/YYYY; Enter to leave for now) › 2030-06-01"
            ))

        let answers = try String(contentsOfFile: folder + "/reports/chat.json", encoding: .utf8)
        #expect(answers.contains("\"status\": \"final\""))
        #expect(answers.contains("\"reviewDate\": \"2030-12-01\""))
        #expect(answers.contains("\"patient_data\": true"))
        #expect(answers.contains("\"users\": 1500"))
        #expect(answers.contains("\"approved_by\": \"C. Khan, SIRO\""))
        #expect(answers.contains("\"owner\": \"B. Jones, IG lead\""))
        #expect(answers.contains("\"dueDate\": \"2030-06-01\""))
        #expect(answers.contains("\"status\": \"in_progress\""))
        #expect(answers.contains("\"note\": \"Approved by the SIRO\""))
        let report = try String(contentsOfFile: folder + "/reports/chat.md", encoding: .utf8)
        #expect(report == "# ChatApp\nAssessed by A. Patel\n")
        #expect(
            try String(contentsOfFile: folder + "/stdout2", encoding: .utf8)
                == "\(folder)/reports/chat.json\n\(folder)/reports/chat.md\n")
        #expect(!FileManager.default.fileExists(atPath: draft))
    }

    /// The signals a closed window, `kill` or an interrupt from elsewhere send.
    static let interruptions: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    @Test(arguments: interruptions)
    func aSignalWhileWaitingRestoresTheTerminalAndKeepsTheDraft(_ signal: Int32) throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let draft = folder + "/term.draft.json"
        let terminal = try WizardPseudoTerminal()
        let before = terminal.localFlags()
        let pid = try terminal.spawn(
            ["wizard", "--draft", draft] + Self.arguments(folder), stdoutPath: folder + "/stdout",
            environment: Self.environment(folder, onPath: false))
        try terminal.waitFor("Which organisation is doing this assessment?")
        terminal.type("Acme\r")
        try terminal.waitFor("Which platform are you assessing?")
        kill(pid, signal)
        #expect(try terminal.waitForExit(pid) == 130)
        // dpia is not on PATH, and the wizard runs in its package checkout (the tests' folder), so the
        // command it prints is one that works as typed there.
        // `swift run dpia` for the checkout's own build; a sanitizer build in `.build-asan` is named by
        // its path, which works as typed too.
        let program = WizardFiles.program(
            executable: DPIAProcess.binary.path, onPath: nil, directory: PackageRoot.url.path,
            isPackageRoot: true)
        try terminal.waitFor("To continue, run:")
        try terminal.waitFor("  \(program) wizard --resume \(draft)")
        #expect(terminal.localFlags() == before)
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\"organisation\": \"Acme\""))
    }

    @Test func pipedAnswersUsePlainModeAndRunningOutIsUnfinishedWithTheResumeCommand() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let draft = folder + "/piped.draft.json"
        try "Acme\nChatApp\n\nA. Patel\n\n2\n".write(
            toFile: folder + "/answers.txt", atomically: true, encoding: .utf8)
        let terminal = try WizardPseudoTerminal()
        let pid = try terminal.spawn(
            ["wizard", "--draft", draft] + Self.arguments(folder), stdoutPath: folder + "/stdout",
            stdinPath: folder + "/answers.txt", environment: Self.environment(folder))
        // 75 (EX_TEMPFAIL), not 65: nothing was wrong with the answers, they just stopped.
        #expect(try terminal.waitForExit(pid) == 75)
        try terminal.waitFor("  2. Business")
        try terminal.waitFor("Yes or no? (y/n):")
        try terminal.waitFor(
            "dpia: error: input ended before the assessment was finished; your answers so far are saved in \(draft)"
        )
        try terminal.waitFor("To continue, run:")
        try terminal.waitFor("  dpia wizard --resume \(draft)")
        #expect(!terminal.output.contains("\u{1B}["))
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\"edition\": \"business\""))
        #expect(try String(contentsOfFile: folder + "/stdout", encoding: .utf8).isEmpty)

        // Starting again with the same draft name is refused rather than overwriting it.
        let again = try terminal.spawn(
            ["wizard", "--draft", draft] + Self.arguments(folder), stdoutPath: folder + "/stdout",
            stdinPath: folder + "/answers.txt", environment: Self.environment(folder))
        #expect(try terminal.waitForExit(again) == 73)
        try terminal.waitFor("\(draft) already exists; continue it with: dpia wizard --resume \(draft)")
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\"edition\": \"business\""))
    }
}
