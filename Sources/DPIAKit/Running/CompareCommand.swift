/// `dpia compare A B C...`: an options appraisal of several platforms for one use, written as Markdown and
/// HTML, with a summary on the terminal.
public struct CompareCommand {
    var files: [String]
    var outputDirectory: String
    /// Any of `md`, `html`.
    var formats: [String]
    var overwrite: Bool
    var templates: String?

    public init(
        files: [String], outputDirectory: String, formats: [String], overwrite: Bool, templates: String?
    ) {
        self.files = files
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.overwrite = overwrite
        self.templates = templates
    }

    public func run(in context: CommandContext, output: CommandOutput) -> ExitStatus {
        guard files.count >= 2 else {
            return output.fail(
                UsageError(
                    commandPath: ["dpia", "compare"],
                    message: "expected at least two answers files to compare, got \(files.count)",
                    usage: DPIACommandLine.synopsis("compare")))
        }
        let formats = RegisterTemplates.formats.filter { self.formats.contains($0.rawValue) }
        let templates: RegisterTemplates
        do throws(DPIAError) {
            let reports = try context.templates(self.templates)
            do throws(TemplateLoadError) {
                templates = try RegisterTemplates.load(beside: reports, needed: formats, name: "compare")
            } catch {
                throw .templates(error)
            }
        } catch {
            return output.fail(error)
        }
        var assessed: [Register.Assessed] = []
        var failures: [Register.Failure] = []
        for (file, loaded) in zip(files, RegisterLoader(catalog: context.catalog()).load(files)) {
            switch loaded {
            case .assessed(let one): assessed.append(one)
            case .failed(let failure): failures.append(failure)
            case .skipped(let note):
                // Another kind of JSON: the register passes over it, but here it is an error.
                failures.append(
                    Register.Failure(
                        file: file,
                        error: .input(
                            .invalid(
                                ValidationFailure([
                                    Diagnostic(
                                        file: file, path: "", location: nil,
                                        message: "\(note.note); dpia compare sets answers files side by side")
                                ])))))
            }
        }
        for failure in failures { output.fail(failure.error) }
        let comparison: Comparison
        do throws(DPIAError) {
            comparison = try Comparison(assessed, failures: failures)
        } catch {
            output.fail(error)
            return DPIAError.several(failures.map(\.error) + [error]).exitStatus
        }
        for item in comparison.leftOut {
            output.error("dpia: note: \(item.file) not compared: \(item.reason)")
        }
        let data = ComparisonData.build(comparison, toolVersion: dpiaVersion) { report in
            FileIO.exists(PathText.join(outputDirectory, report))
        }
        var written: [OutputFile] = []
        do throws(DPIAError) {
            for format in formats {
                do throws(TemplateError) {
                    written.append(
                        OutputFile(
                            path: PathText.join(outputDirectory, "compare.\(format.fileExtension)"),
                            bytes: try templates.render(format, data: data)))
                } catch {
                    throw .rendering(error)
                }
            }
            do throws(OutputError) {
                try FileSet.writeNew(written, into: outputDirectory, overwrite: overwrite)
            } catch {
                throw .output(error)
            }
        } catch {
            return output.fail(error)
        }
        for line in comparison.terminalLines { output.out(line) }
        output.out(TerminalText("Wrote " + written.map(\.path).joined(separator: ", ")))
        if !failures.isEmpty {
            output.error(
                "dpia: \(failures.count) of \(files.count) answers files could not be assessed; the comparison leaves them out and lists them"
            )
            return DPIAError.several(failures.map(\.error)).exitStatus
        }
        return .success
    }
}

extension Comparison {
    /// A row as one line: "Controls missing: A 16 missing; B 4 missing; C 11 missing — best B", the verdict
    /// "tie between B and C" or "no difference", and none for a row that is not ranked.
    func line(_ row: Row) -> String {
        let values = zip(options, row.cells).map { option, cell in
            "\(option.letter) \(cell.text.lowercased())"
        }.joined(separator: "; ")
        let verdict =
            switch row.best {
            case .one(let index): " — best \(options[index].letter)"
            case .tie(let indexes): " — tie between \(Self.list(indexes.map { options[$0].letter }))"
            case .noDifference: " — no difference"
            case .notRanked: ""
            }
        return "\(row.label): \(values)\(verdict)"
    }

    /// What `dpia compare` prints: the options, the verdict of each row of the decision and of the data,
    /// controls and measures, and the notes a fair reading needs.
    var terminalLines: [TerminalText] {
        var lines: [TerminalText] = [
            "Options appraisal: \(options.count) platforms on \(questionnaireID) \(Self.list(versions))"
        ]
        for option in options {
            let meta = option.assessment.answers.metadata
            let residual = option.assessment.overallResidual?.label.lowercased() ?? "not rated"
            lines.append(
                "  \(option.letter)  \(meta.platform) — \(meta.organisation) (\(meta.status.rawValue), \(meta.assessmentDate)): residual \(residual)"
            )
        }
        lines.append(TerminalText(headline))
        for section in sections where section.title != "Each risk after approved measures" {
            if section.title == "Each risk before measures" { continue }
            for row in section.rows { lines.append(TerminalText("  " + line(row))) }
        }
        if let risks = sections.first(where: { $0.title == "Each risk after approved measures" }) {
            let differing = risks.rows.filter { row in
                if case .noDifference = row.best { return false }
                return true
            }
            lines.append(
                differing.isEmpty
                    ? "  Each risk after approved measures: no difference"
                    : "  Risks after approved measures that differ:")
            for row in differing { lines.append(TerminalText("    " + line(row))) }
        }
        for note in notes { lines.append(TerminalText("  Note: " + note)) }
        for item in leftOut { lines.append(TerminalText("  Not compared: \(item.file) \(item.reason)")) }
        for failure in failures { lines.append(TerminalText("  Could not be assessed: \(failure.file)")) }
        return lines
    }
}
