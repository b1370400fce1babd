/// What changed since an earlier assessment: the data of `partials/changes.*.mustache`, which both the
/// report's "Changes since the previous assessment" and `dpia diff --format` render, from one
/// `AssessmentDiff`.
enum ChangesData {
    /// The comparison as template data. Every list and flag is present (an empty list, `false`), so a
    /// template never picks up a name of the same spelling from the report around it.
    static func build(_ diff: AssessmentDiff) -> TemplateValue {
        func row(_ label: String, _ change: AssessmentDiff.Change) -> TemplateValue {
            [
                "label": .string(label), "old": .string(change.old), "new": .string(change.new),
                "changed": .bool(change.changed),
            ]
        }
        func side(_ file: String, _ meta: AssessmentMetadata, _ version: String) -> TemplateValue {
            [
                "file": .string(file), "assessmentDate": .string(meta.assessmentDate),
                "status": .string(meta.status == .final ? "final" : "draft"), "version": .string(version),
                "reference": meta.reference.map { .string($0) } ?? .null,
            ]
        }
        func items(_ pairs: [(String, [String])]) -> [TemplateValue] {
            pairs.filter { !$0.1.isEmpty }.map { label, items in
                ["label": .string(label), "items": .string(items.joined(separator: "; "))]
            }
        }
        let answers: [TemplateValue] =
            diff.answers.map { change in
                [
                    "title": .string(change.title), "old": .string(change.old ?? "not answered"),
                    "new": .string(change.new ?? "not answered"),
                ]
            }
            + diff.onlyInOld.map { one in
                [
                    "title": .string(one.title), "old": .string(one.answer),
                    "new": .string("not asked in \(diff.versions.new)"),
                ]
            }
            + diff.onlyInNew.map { one in
                [
                    "title": .string(one.title), "old": .string("not asked in \(diff.versions.old)"),
                    "new": .string(one.answer),
                ]
            }
        let scope = items([
            ("Newly in scope", diff.categoriesInScope.appeared),
            ("No longer in scope", diff.categoriesInScope.gone),
        ])
        let drift = items([
            ("Drifted categories appeared", diff.driftedCategories.appeared),
            ("Drifted categories gone", diff.driftedCategories.gone),
            ("Unapproved purposes appeared", diff.unapprovedPurposes.appeared),
            ("Unapproved purposes gone", diff.unapprovedPurposes.gone),
            ("Signs of drift appeared", diff.driftSignals.appeared),
            ("Signs of drift gone", diff.driftSignals.gone),
        ])
        let risks: [TemplateValue] = diff.risks.map { change in
            [
                "risk": .string(change.risk),
                "inherent": .string(shown(change.inherent)),
                "inherentChanged": .bool(change.inherent.changed),
                "residual": .string(shown(change.residual)),
                "residualChanged": .bool(change.residual.changed),
            ]
        }
        let controls: [TemplateValue] = diff.controls.map { change in
            [
                "control": .string(change.control), "old": .string(change.change.old),
                "new": .string(change.change.new),
            ]
        }
        let measures: [TemplateValue] = diff.measures.map { change in
            [
                "measure": .string(change.measure), "old": .string(change.change.old),
                "new": .string(change.change.new),
            ]
        }
        let meta = diff.new
        return [
            "platform": .string(meta.platform),
            "organisation": .string(meta.organisation),
            "questionnaireID": .string(diff.questionnaire),
            "previousAssessment": side(diff.oldFile, diff.old, diff.versions.old),
            "thisAssessment": side(diff.newFile, diff.new, diff.versions.new),
            "notComparable": .list(diff.notComparable.map { .string($0) }),
            "hasNotComparable": .bool(!diff.notComparable.isEmpty),
            "overall": .list([
                row("Overall risk before measures", diff.overallInherent),
                row("Overall risk after approved measures", diff.overallResidual),
                row("Recommendation", diff.recommendation),
                row("ICO prior consultation (Art. 36)", diff.priorConsultation),
            ]),
            "answerChanges": .list(answers),
            "hasAnswerChanges": .bool(!answers.isEmpty),
            "scopeChanges": .list(scope),
            "hasScopeChanges": .bool(!scope.isEmpty),
            "driftChanges": .list(drift),
            "hasDriftChanges": .bool(!drift.isEmpty),
            "controlChanges": .list(controls),
            "hasControlChanges": .bool(!controls.isEmpty),
            "riskChanges": .list(risks),
            "hasRiskChanges": .bool(!risks.isEmpty),
            "measureChanges": .list(measures),
            "hasMeasureChanges": .bool(!measures.isEmpty),
            "hasChanges": .bool(diff.hasChanges),
            "driftAppeared": .bool(diff.driftAppeared),
            "risksRose": .bool(diff.risksRose),
        ]
    }

    /// "low → medium", or "high (unchanged)".
    static func shown(_ change: AssessmentDiff.Change) -> String {
        change.changed ? "\(change.old) → \(change.new)" : "\(change.new) (unchanged)"
    }

    /// The line page 1 carries when drift appeared or a risk rose since the previous assessment, or nil:
    /// counts and ids, short enough for page 1; the section lists them in full.
    static func alert(_ diff: AssessmentDiff) -> String? {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var drift: [String] = []
        if !diff.driftedCategories.appeared.isEmpty {
            drift.append(
                count(
                    diff.driftedCategories.appeared.count, "data category", "data categories")
                    + " outside the approved purposes")
        }
        if !diff.unapprovedPurposes.appeared.isEmpty {
            drift.append(
                count(diff.unapprovedPurposes.appeared.count, "purpose", "purposes") + " not approved ("
                    + diff.unapprovedPurposes.appeared.joined(separator: "; ") + ")")
        }
        if !diff.driftSignals.appeared.isEmpty {
            drift.append(count(diff.driftSignals.appeared.count, "sign", "signs") + " of drift")
        }
        var parts: [String] = []
        if !drift.isEmpty { parts.append("drift appeared: " + drift.joined(separator: ", ")) }
        if diff.risksRose {
            var rose = "risk went up for " + diff.risen.joined(separator: ", ")
            if diff.overallResidual.changed {
                rose += " (overall after measures \(diff.overallResidual.old) → \(diff.overallResidual.new))"
            }
            parts.append(rose)
        }
        guard !parts.isEmpty else { return nil }
        return "Since the previous assessment of \(diff.old.assessmentDate): " + parts.joined(separator: "; ")
    }
}

extension ReportData.Builder {
    /// `previous`: the assessment this one follows, with what changed since it or why that cannot be shown.
    func previousValue(_ comparison: PreviousComparison) -> TemplateValue {
        let previous = comparison.previous
        var value: [String: TemplateValue] = [
            "file": .string(previous.file),
            "sha256": .string(previous.sha256),
            "sha256Short": .string(String(previous.sha256.prefix(12))),
            "reference": text(previous.reference),
            "assessmentDate": text(previous.assessmentDate),
            "questionnaireVersion": text(previous.questionnaireVersion),
            "isCompared": .bool(comparison.diff != nil),
            "isUnavailable": .bool(comparison.diff == nil),
            "state": .string(comparison.state),
            "unavailable": .null,
            "changes": .null,
            "alert": .null,
        ]
        switch comparison {
        case .compared(_, let diff):
            value["changes"] = ChangesData.build(diff)
            value["alert"] = text(ChangesData.alert(diff))
        case .unavailable(_, _, let reason):
            value["unavailable"] = .string(
                "The previous assessment named in this answers file, \(previous.file), \(reason). The changes since it are not shown."
            )
        }
        return .object(TemplateObject(value))
    }
}
