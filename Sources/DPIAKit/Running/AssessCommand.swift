/// `dpia assess`: score answers files, write their reports, say what each came to, and decide the
/// exit status, including the `--fail-on` gate.
public struct AssessCommand {
    /// Answers files given with `--answers` or as operands.
    var answers: [String]
    /// A folder whose every `*.json` is an answers file (`--batch`).
    var batch: String?
    /// `--questionnaire ID|PATH`, or nil for the one each answers file names.
    var questionnaire: String?
    var outputDirectory: String
    var formats: [ReportFormat]
    var overwrite: Bool
    /// `--templates DIR`, or nil for `$DPIA_TEMPLATES` or the bundled folder.
    var templates: String?
    var failOn: FailOnGate?

    public init(
        answers: [String], batch: String?, questionnaire: String?, outputDirectory: String,
        formats: [ReportFormat], overwrite: Bool, templates: String?, failOn: FailOnGate?
    ) {
        self.answers = answers
        self.batch = batch
        self.questionnaire = questionnaire
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.overwrite = overwrite
        self.templates = templates
        self.failOn = failOn
    }

    /// Runs the assessments, telling `output` about each as it is done, and returns the exit status.
    ///
    /// One answers file gets a detailed summary; several, or a batch folder, get a line each and
    /// `OUT/summary.tsv`. Any failure decides the status; only when every assessment was written does
    /// the `--fail-on` gate look at the highest rating.
    public func run(in context: CommandContext, output: CommandOutput) -> ExitStatus {
        var paths = answers
        if let batch {
            do {
                paths += try Assessor.answersFiles(in: batch)
            } catch {
                return output.fail(error)
            }
        }
        guard !paths.isEmpty else {
            output.error(
                "dpia assess: no answers file given; expected --answers PATH or --batch DIR (for example Questionnaires/examples/admin-only-staff-rota.json)\nusage: \(DPIACommandLine.synopsis("assess"))"
            )
            return .usage
        }
        let catalog = context.catalog()
        // The questionnaire loads on another core while this one parses the templates.
        if questionnaire == nil, let first = paths.first {
            catalog?.prefetch(forAnswers: first)
        }
        if let failOn, let scale = knownScale(firstAnswers: paths[0], catalog: catalog) {
            do throws(FailOnGate.UnknownLevel) {
                try failOn.check(scale: scale)
            } catch {
                return output.fail(usageError(error))
            }
        }
        let assessor: Assessor
        do {
            assessor = Assessor(
                questionnaire: questionnaire, outputDirectory: outputDirectory, formats: formats,
                overwrite: overwrite, templates: try context.templates(templates), catalog: catalog,
                toolVersion: dpiaVersion)
        } catch {
            return output.fail(error)
        }
        let isBatch = batch != nil || paths.count > 1
        var failures: [DPIAError] = []
        var summaryFailure: DPIAError?
        var rows: [BatchSummary.Row] = []
        var gate = GateResult()
        var kept = 0
        do {
            try assessor.runBatch(paths, keepingIdentical: isBatch) { path, result in
                switch result {
                case .success(let outcome):
                    var row = BatchSummary.Row(file: path, assessment: outcome.assessment)
                    // Its reports were there already, exactly as this run would write them.
                    if outcome.kept {
                        row.status = "exists, kept"
                        kept += 1
                    }
                    output.out(
                        isBatch
                            ? BatchSummary.line(row)
                            : AssessmentSummary.text(
                                outcome.assessment, written: outcome.written, previous: outcome.previous))
                    if isBatch { rows.append(row) }
                    if let failOn { gate.add(outcome.assessment, to: failOn) }
                case .failure(let error):
                    failures.append(error)
                    rows.append(BatchSummary.Row(file: path, failure: error))
                    output.fail(error)
                }
            }
        } catch {
            return output.fail(error)
        }
        if isBatch {
            do {
                output.out("Wrote \(try assessor.writeSummary(rows))")
            } catch {
                summaryFailure = error
                output.fail(error)
            }
        }
        if !failures.isEmpty || summaryFailure != nil {
            if paths.count > 1 && failures.count == paths.count {
                output.error("dpia: all \(paths.count) assessments failed; no report was written")
            } else if paths.count > 1 && !failures.isEmpty {
                output.error(
                    "dpia: \(failures.count) of \(paths.count) assessments failed; the others were written"
                        + (kept > 0 ? " or were there already" : ""))
            }
            return DPIAError.several(failures + [summaryFailure].compactMap { $0 }).exitStatus
        }
        if let unknown = gate.unknownLevel { return output.fail(usageError(unknown)) }
        if let failOn, let highest = gate.highest {
            output.error(TerminalText(failOn.message(highest)))
            return highest.status
        }
        return .success
    }

    /// The scale of risk levels `--fail-on` is checked against before anything is written: the
    /// `--questionnaire`'s, or that of the questionnaire the first answers file names. Nil when it
    /// cannot be known yet; the run then reports why, and each assessment is checked as it is scored.
    private func knownScale(firstAnswers path: String, catalog: QuestionnaireCatalog?) -> [Level]? {
        let found: Questionnaire?
        if let questionnaire {
            found = try? QuestionnaireResolver.resolve(questionnaire, catalog: catalog)
        } else {
            found = (try? FileIO.read(path)).flatMap { bytes in
                try? QuestionnaireResolver.forAnswers(
                    bytes, answersPath: path, explicit: nil, catalog: catalog)
            }
        }
        return found?.scoring.riskLevels
    }

    private func usageError(_ unknown: FailOnGate.UnknownLevel) -> UsageError {
        UsageError(
            commandPath: ["dpia", "assess"], message: unknown.description,
            usage: DPIACommandLine.synopsis("assess"))
    }

    /// What the gate found over a batch: the verdict on the highest rating, or a scale without the level.
    private struct GateResult {
        var highest: FailOnGate.Verdict?
        var unknownLevel: FailOnGate.UnknownLevel?

        mutating func add(_ assessment: Assessment, to gate: FailOnGate) {
            do throws(FailOnGate.UnknownLevel) {
                if let verdict = try gate.verdict(on: assessment),
                    verdict.position > highest?.position ?? -1
                {
                    highest = verdict
                }
            } catch {
                unknownLevel = unknownLevel ?? error
            }
        }
    }
}
