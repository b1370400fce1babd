/// The risk matrix: a row for each severity, most severe first, and a cell for each likelihood naming the
/// risks rated there before and after measures; with the points each likelihood takes.
extension ReportData.Builder {
    func matrix() -> TemplateValue {
        [
            "likelihoods": .list(scoring.likelihoodLevels.map(likelihood)),
            "rows": .list(
                scoring.severityLevels.reversed().map { severityLevel in
                    [
                        "severity": severity(severityLevel),
                        "cells": .list(
                            scoring.likelihoodLevels.map { likelihoodLevel in
                                cell(severity: severityLevel, likelihood: likelihoodLevel)
                            }),
                    ]
                }),
            "bands": .list(bands()),
            "riskLevels": .list(scoring.riskLevels.map(riskLevel)),
        ]
    }

    func cell(severity severityLevel: Level, likelihood likelihoodLevel: Level) -> TemplateValue {
        let id = scoring.matrix[severityLevel.id]?[likelihoodLevel.id] ?? ""
        let level = scoring.riskLevels.first { $0.id == id } ?? scoring.riskLevels[0]
        // Ids only: filtering the risks first copied every risk rated in the cell.
        let inherent = assessment.risks.compactMap {
            $0.severity.id == severityLevel.id && $0.likelihood.id == likelihoodLevel.id ? $0.risk.id : nil
        }
        let residual = assessment.risks.compactMap {
            $0.residualSeverity.id == severityLevel.id && $0.residualLikelihood.id == likelihoodLevel.id
                ? $0.risk.id : nil
        }
        return [
            "level": riskLevel(level),
            "likelihood": likelihood(likelihoodLevel),
            "inherentRisks": .string(inherent.joined(separator: ", ")),
            "residualRisks": .string(residual.joined(separator: ", ")),
            "hasInherent": .bool(!inherent.isEmpty),
            "hasResidual": .bool(!residual.isEmpty),
        ]
    }

    /// Each likelihood band with the points it covers, from the band below's maximum to its own.
    func bands() -> [TemplateValue] {
        var bands: [TemplateValue] = []
        var lower: Int?
        for band in scoring.likelihoodBands {
            guard let level = scoring.likelihoodLevels.first(where: { $0.id == band.level }) else { continue }
            let range =
                switch (lower, band.maximumPoints) {
                case (nil, let maximum?): "\(maximum) points or fewer"
                case (let low?, let maximum?):
                    low == maximum ? "\(low) points" : "\(low) to \(maximum) points"
                case (let low?, nil): "\(low) points or more"
                case (nil, nil): "any score"
                }
            bands.append(["level": likelihood(level), "range": .string(range)])
            lower = band.maximumPoints.map { ScoreArithmetic.add($0, 1) }
        }
        return bands
    }
}
