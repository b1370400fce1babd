import DPIAKit

/// `dpia assess`: score answers files, write reports, print a short summary of each.
enum Assess {
    static func run(_ command: ParsedCommand, environment: [String: String]) -> Int32 {
        var paths = command.values("answers") + command.positionals(named: "ANSWERS")
        let batch = command.value("batch")
        if let batch {
            do {
                paths += try Assessor.answersFiles(in: batch)
            } catch {
                return Output.fail(error)
            }
        }
        guard !paths.isEmpty else {
            Output.error(
                "dpia assess: no answers file given; expected --answers PATH or --batch DIR (for example Questionnaires/examples/admin-only-staff-rota.json)\nusage: \(CLI.spec.synopsis(path: ["dpia", "assess"]))"
            )
            return ExitStatus.usage
        }
        let formats = CLI.formats(command)
        let catalog = CLI.catalog(environment)
        // The questionnaire loads on another core while this one parses the templates.
        if command.value("questionnaire") == nil, let first = paths.first {
            catalog?.prefetch(forAnswers: first)
        }
        let assess: Assessor
        do {
            assess = Assessor(
                questionnaire: command.value("questionnaire"),
                outputDirectory: command.value("out") ?? "reports",
                formats: formats, overwrite: command.flag("force"),
                templates: try CLI.templates(command.value("templates"), environment: environment),
                catalog: catalog, toolVersion: dpiaVersion)
        } catch {
            return Output.fail(error)
        }
        UntilExit.keep(assess)
        // One file gets the detailed summary; a batch gets a line per file and summary.tsv.
        let isBatch = batch != nil || paths.count > 1
        var failures: [DPIAError] = []
        var summaryFailure: DPIAError?
        var rows: [BatchSummary.Row] = []
        var highest: (level: Level, rank: Int)?
        do {
            try assess.runBatch(paths) { path, result in
                switch result {
                case .success(let outcome):
                    let row = BatchSummary.Row(file: path, assessment: outcome.assessment)
                    Output.out(
                        isBatch
                            ? BatchSummary.line(row)
                            : Summary.text(outcome.assessment, written: outcome.written))
                    if isBatch { rows.append(row) }
                    if let residual = outcome.assessment.overallResidual,
                        let rank = outcome.assessment.questionnaire.scoring.riskLevels.firstIndex(where: {
                            $0.id == residual.id
                        }),
                        rank > highest?.rank ?? -1
                    {
                        highest = (residual, rank)
                    }
                case .failure(let error):
                    failures.append(error)
                    rows.append(BatchSummary.Row(file: path, failure: error))
                    Output.error(Output.prefixed(error.description))
                }
            }
        } catch {
            return Output.fail(error)
        }
        if isBatch {
            do {
                Output.out("Wrote \(try assess.writeSummary(rows))")
            } catch {
                summaryFailure = error
                Output.error(Output.prefixed(error.description))
            }
        }
        if !failures.isEmpty || summaryFailure != nil {
            if paths.count > 1 && failures.count == paths.count {
                Output.error("dpia: all \(paths.count) assessments failed; no report was written")
            } else if paths.count > 1 && !failures.isEmpty {
                Output.error(
                    "dpia: \(failures.count) of \(paths.count) assessments failed; the others were written")
            }
            return DPIAError.several(failures + [summaryFailure].compactMap { $0 }).exitStatus
        }
        if let threshold = command.value("fail-on"), let highest {
            let scale = ["low", "medium", "high"]
            if let thresholdRank = scale.firstIndex(of: threshold), highest.rank >= thresholdRank {
                Output.error(
                    "dpia: overall residual risk \(highest.level.label) is at or above --fail-on \(threshold)"
                )
                return ExitStatus.ratingGateBase + Int32(highest.rank)
            }
        }
        return ExitStatus.ok
    }
}

/// The few lines `assess` prints for each assessment.
enum Summary {
    static func text(_ assessment: Assessment, written: [String]) -> String {
        let meta = assessment.answers.metadata
        var lines = [
            "\(meta.platform) — \(meta.organisation) (\(meta.status.rawValue), \(meta.assessmentDate))"
        ]
        if let residual = assessment.overallResidual, let inherent = assessment.overallInherent {
            lines.append(
                "  Overall residual risk: \(residual.label.uppercased()) (before measures: \(inherent.label.lowercased()))"
            )
        }
        if let recommendation = assessment.recommendation {
            lines.append("  Recommendation: \(recommendation.label)")
        }
        if assessment.priorConsultationRequired {
            lines.append("  ICO prior consultation: REQUIRED before processing (UK GDPR Art. 36)")
        }
        if let screening = assessment.screening {
            lines.append("  DPIA required: \(screening.required ? "yes" : "no")")
        }
        if !assessment.topDrivers.isEmpty {
            lines.append("  Top drivers:")
            for driver in assessment.topDrivers.prefix(3) {
                lines.append(
                    "    +\(driver.points) \(driver.reason) [\(driver.risks.joined(separator: ", "))]")
            }
        }
        for note in assessment.notes { lines.append("  Note: \(note)") }
        lines.append("  Wrote " + written.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
