/// A questionnaire's scoring rules with every question id resolved to a slot of its `QuestionnaireIndex`
/// and every risk's controls gathered, so scoring an answers file neither hashes ids nor searches lists.
struct ScoringPlan: Sendable {
    /// A condition with what a contribution made by it names.
    struct Rule: Sendable {
        let condition: SlotCondition
        /// The ids it reads, as `Condition.questionIDs` gives them.
        let questionIDs: [String]
        /// The slots whose answers its contribution quotes: each known question once, in order.
        let summarySlots: [Int]
    }

    struct RiskPlan: Sendable {
        let factors: [Rule]
        let adjustments: [Rule]
        /// The controls that move this risk, by position in `Scoring.controls`, with their effect.
        let controls: [(control: Int, effect: ControlEffect)]
    }

    let risks: [RiskPlan]
    /// Each control's question slot, by position in `Scoring.controls`.
    let controlSlots: [Int]
    let measureConditions: [SlotCondition?]
    /// For each measure, the position in `Scoring.risks` of the first risk each of its effects names, or
    /// -1 when none has that id.
    let measureRisks: [[Int]]
    let signalConditions: [SlotCondition]
    let screeningConditions: [SlotCondition]
    let dataCategorySlots: [Int]
    let approvedPurposeSlot: Int
    let actualPurposeSlot: Int?
    /// `Scoring.matrix` by position rather than id: the position in `Scoring.riskLevels` of the level for
    /// each severity position (row) and likelihood position (column), 0 where the matrix names none.
    /// Positions with the same id share a row or column, as they share an entry in the matrix.
    let riskLevelIndices: [Int]
    let likelihoodLevelCount: Int

    init(_ scoring: Scoring, slot: (String) -> Int) {
        func rule(_ condition: Condition) -> Rule {
            let ids = condition.questionIDs
            var summarySlots: [Int] = []
            for id in ids {
                let found = slot(id)
                if found >= 0 && !summarySlots.contains(found) { summarySlots.append(found) }
            }
            return Rule(
                condition: SlotCondition(condition, slot: slot), questionIDs: ids, summarySlots: summarySlots)
        }
        risks = scoring.risks.map { risk in
            var controls: [(control: Int, effect: ControlEffect)] = []
            for (position, control) in scoring.controls.enumerated() {
                for effect in control.affects where effect.risk == risk.id {
                    controls.append((position, effect))
                }
            }
            return RiskPlan(
                factors: risk.likelihood.factors.map { rule($0.when) },
                adjustments: risk.severity.adjustments.map { rule($0.when) }, controls: controls)
        }
        controlSlots = scoring.controls.map { slot($0.question) }
        measureConditions = scoring.measures.map { $0.when.map { SlotCondition($0, slot: slot) } }
        measureRisks = scoring.measures.map { measure in
            measure.reduces.map { effect in scoring.risks.firstIndex { $0.id == effect.risk } ?? -1 }
        }
        signalConditions = scoring.purposes?.signals.map { SlotCondition($0.when, slot: slot) } ?? []
        screeningConditions = scoring.screening?.criteria.map { SlotCondition($0.when, slot: slot) } ?? []
        dataCategorySlots = scoring.dataCategories?.questions.map(slot) ?? []
        approvedPurposeSlot = scoring.purposes.map { slot($0.approvedQuestion) } ?? -1
        actualPurposeSlot = scoring.purposes?.actualQuestion.map(slot)
        likelihoodLevelCount = scoring.likelihoodLevels.count
        riskLevelIndices = scoring.severityLevels.flatMap { severity in
            scoring.likelihoodLevels.map { likelihood in
                let id = scoring.matrix[severity.id]?[likelihood.id]
                return scoring.riskLevels.firstIndex { $0.id == id } ?? 0
            }
        }
    }

    /// The position in `Scoring.riskLevels` the matrix gives for these positions in the severity and
    /// likelihood scales.
    func riskLevelIndex(severity: Int, likelihood: Int) -> Int {
        riskLevelIndices[severity * likelihoodLevelCount + likelihood]
    }
}
