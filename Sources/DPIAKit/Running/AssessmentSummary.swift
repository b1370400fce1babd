/// The few lines `dpia assess` prints for one assessment: the rating, the recommendation, what drives
/// it and the files written.
enum AssessmentSummary {
    /// `previous`: what the reports say of the assessment the answers name as `previous`, if any.
    static func text(
        _ assessment: Assessment, written: [String], previous: PreviousComparison? = nil
    ) -> TerminalText {
        let meta = assessment.answers.metadata
        var lines: [TerminalText] = [
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
        if assessment.priorConsultation != .notApplicable {
            lines.append("  ICO prior consultation: \(assessment.priorConsultation.headline)")
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
        lines += outcomeLines(assessment)
        for note in assessment.notes { lines.append("  Note: \(note)") }
        switch previous {
        case .compared(let previous, let diff):
            if let alert = ChangesData.alert(diff) {
                lines.append("  \(alert) (\(previous.file); the reports list the changes)")
            } else {
                lines.append(
                    "  Previous assessment: \(previous.file); no new drift and no risk went up (the reports list the changes)"
                )
            }
        case .unavailable(let previous, _, let reason):
            lines.append("  Previous assessment: not compared: \(previous.file) \(reason)")
        case nil: break
        }
        lines.append("  Wrote \(written.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }

    /// The conditions of an approval, what keeps the residual level, and what a final assessment lacks.
    static func outcomeLines(_ assessment: Assessment) -> [TerminalText] {
        var lines: [TerminalText] = []
        if assessment.recommendation?.conditional == true {
            let open = assessment.actionPlan.filter { $0.status != .inPlace }
            lines.append(open.isEmpty ? "  Conditions: none outstanding" : "  Conditions:")
            for item in open {
                let owner = item.owner ?? "not named"
                let due = item.dueDate.map { "due \($0)" } ?? "no due date"
                let status = item.status?.label.lowercased() ?? "status not recorded"
                lines.append("    \(item.measure) \(item.title): owner \(owner); \(due); \(status)")
            }
        }
        if !assessment.residualHolds.isEmpty, let residual = assessment.overallResidual {
            lines.append("  Kept at \(residual.label.lowercased()) by:")
            for hold in assessment.residualHolds {
                var could: [String] = []
                if !hold.declined.isEmpty {
                    could.append("not approved " + hold.declined.joined(separator: ", "))
                }
                if !hold.undecided.isEmpty {
                    could.append("no decision yet on " + hold.undecided.joined(separator: ", "))
                }
                let lowering = could.isEmpty ? "" : ": " + could.joined(separator: "; ")
                lines.append("    \(hold.risk) \(hold.title)\(lowering)")
            }
        }
        let missing = MissingItem.grouped(assessment.missingForFinal)
        if !missing.isEmpty {
            let total = assessment.missingForFinal.count
            let count = total == 1 ? "1 item" : "\(total) items"
            lines.append(
                assessment.answers.metadata.status == .draft
                    ? "  Draft: \(count) missing before this can be final:"
                    : "  Recorded as final under earlier rules; \(count) missing:")
            for item in missing { lines.append("    \(item.path): \(item.description)") }
        }
        return lines
    }
}
