/// The few lines `dpia assess` prints for one assessment: the rating, the recommendation, what drives
/// it and the files written.
public enum AssessmentSummary {
    public static func text(_ assessment: Assessment, written: [String]) -> TerminalText {
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
        for note in assessment.notes { lines.append("  Note: \(note)") }
        lines.append("  Wrote \(written.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }
}
