/// A Word report as an Office Open XML package (ECMA-376 Part 2, Open Packaging Conventions): a ZIP holding
/// the WordprocessingML parts (ECMA-376 Part 1) and the relationships and content types that tie them
/// together.
///
/// The document body, the styles and the footer come from templates, so an organisation can change them;
/// what is fixed is here: the package's wiring, the settings, and the core properties, which are built from
/// the report data because their dates must be exact.
enum WordPackage {
    /// The templated parts, each rendered from `Templates/docx/NAME.xml.mustache` but the document body,
    /// which is `Templates/report.docx.mustache`.
    enum TemplatedPart: String, CaseIterable, Sendable {
        case styles, footer

        /// The template's path inside a templates folder.
        var templatePath: String { "docx/\(rawValue).xml.mustache" }
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// The package's parts in archive order, `[Content_Types].xml` first as Office writes it.
    static func parts(document: [UInt8], styles: [UInt8], footer: [UInt8], data: TemplateValue)
        -> [(name: String, bytes: [UInt8])]
    {
        [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(packageRelationships.utf8)),
            ("docProps/core.xml", Array(coreProperties(data).utf8)),
            ("docProps/app.xml", Array(appProperties(data).utf8)),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", Array(documentRelationships.utf8)),
            ("word/styles.xml", styles),
            ("word/settings.xml", Array(settings.utf8)),
            ("word/numbering.xml", Array(numbering.utf8)),
            ("word/footer1.xml", footer),
        ]
    }

    /// The `.docx` bytes.
    static func archive(document: [UInt8], styles: [UInt8], footer: [UInt8], data: TemplateValue)
        throws(ZIPWriter.TooLarge) -> [UInt8]
    {
        var zip = ZIPWriter()
        for part in parts(document: document, styles: styles, footer: footer, data: data) {
            try zip.add(part.name, part.bytes)
        }
        return try zip.finish()
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let contentTypes =
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            </Types>

            """

    static let packageRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
            </Relationships>

            """

    /// The document's relationships; the template's `<w:footerReference r:id="rIdFooter"/>` names the footer.
    static let documentRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
            <Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
            <Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
            </Relationships>

            """

    /// Word 2013 and later layout (compatibility mode 15), British English for proofing; elements in the
    /// order CT_Settings lists them.
    static let settings =
        declaration + """
            <w:settings xmlns:w="\(wordNamespace)">
            <w:defaultTabStop w:val="720"/>
            <w:characterSpacingControl w:val="doNotCompress"/>
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
            <w:themeFontLang w:val="en-GB"/>
            </w:settings>

            """

    /// One bulleted list, number 1, which the template's List Bullet style uses.
    static let numbering =
        declaration + """
            <w:numbering xmlns:w="\(wordNamespace)">
            <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/><w:lvlText w:val="\u{2022}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/></w:rPr></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            </w:numbering>

            """

    /// Title, subject and author, and the assessment date as both created and modified (never the clock,
    /// so the same answers make the same bytes).
    static func coreProperties(_ data: TemplateValue) -> String {
        func value(_ path: String...) -> String {
            var found: TemplateValue? = data
            for name in path { found = found?[name] }
            return XMLEscaping.plainText(found?.renderedText ?? "")
        }
        let reference = value("meta", "reference")
        let kind = data["hasRisks"] == .bool(true) ? "Data protection impact assessment" : "DPIA screening"
        var lines = [
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
            "<dc:title>\(kind): \(value("meta", "platform"))</dc:title>",
            "<dc:subject>\(value("questionnaire", "title")), \(value("meta", "organisation"))</dc:subject>",
            "<dc:creator>\(value("meta", "assessor"))</dc:creator>",
            "<cp:keywords>\(reference.isEmpty ? "DPIA" : "DPIA; " + reference)</cp:keywords>",
            "<dc:description>Answers fingerprint \(value("fingerprint"))</dc:description>",
            "<cp:lastModifiedBy>\(value("meta", "assessor"))</cp:lastModifiedBy>",
            "<dc:language>en-GB</dc:language>",
        ]
        let date = data["meta"]?["assessmentDate"]?.renderedText ?? ""
        if isDate(date) {
            lines += [
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)T00:00:00Z</dcterms:created>",
                "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(date)T00:00:00Z</dcterms:modified>",
            ]
        }
        lines.append("<cp:contentStatus>\(value("meta", "status"))</cp:contentStatus>")
        lines.append("</cp:coreProperties>")
        return declaration + lines.joined(separator: "\n") + "\n"
    }

    static func appProperties(_ data: TemplateValue) -> String {
        let version = XMLEscaping.plainText(data["tool"]?["version"]?.renderedText ?? "")
        return declaration + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
            <Application>dpia \(version)</Application>
            </Properties>

            """
    }

    /// `YYYY-MM-DD` in digits; answers files hold dates so, but a draft may leave the date empty.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return false
        }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
