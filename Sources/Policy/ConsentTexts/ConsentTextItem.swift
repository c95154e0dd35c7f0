/// An item a consent text states, with what each regime requires of it and the article that requires it.
enum ConsentTextItem: Sendable {
    case id, version, jurisdiction, language, purposes, title, body
    case operatorName, operatorAddress, controllerName
    case dataCategories, actions, processingMethods
    case thirdParties, thirdPartyName, thirdPartyAddress
    case validity, withdrawal, separateDocument, rightToWithdraw

    /// What a text of `jurisdiction` must say about this item; `nil` when the regime does not require it.
    func requirement(jurisdiction: String?) -> ConsentTextRequirement? {
        switch jurisdiction {
        case ConsentTextRegime.fz152: fz152Requirement ?? generalRequirement
        case ConsentTextRegime.gdpr: gdprRequirement ?? generalRequirement
        default: generalRequirement
        }
    }

    /// Required of every text, whatever its regime.
    private var generalRequirement: ConsentTextRequirement? {
        switch self {
        case .id: ConsentTextRequirement(item: "an id")
        case .version: ConsentTextRequirement(item: "a version number")
        case .jurisdiction: ConsentTextRequirement(item: "a jurisdiction")
        case .language: ConsentTextRequirement(item: "the ISO 639-1 language of the text")
        case .purposes: ConsentTextRequirement(item: "at least one consent purpose")
        case .title: ConsentTextRequirement(item: "a title")
        case .body: ConsentTextRequirement(item: "the document text")
        case .operatorName: ConsentTextRequirement(item: "the operator's name")
        case .operatorAddress: ConsentTextRequirement(item: "the operator's address")
        case .controllerName: ConsentTextRequirement(item: "the controller's name")
        case .thirdPartyName: ConsentTextRequirement(item: "the name of each third party")
        default: nil
        }
    }

    /// Required by 152-FZ Art. 9 for a consent given as a written (electronic) document.
    private var fz152Requirement: ConsentTextRequirement? {
        let processor = "the name and address of each person processing the data on the operator's behalf"
        return switch self {
        case .operatorName, .operatorAddress:
            ConsentTextRequirement(reference: "152-FZ Art. 9(4)(3)", item: "the operator's name and address")
        case .purposes: ConsentTextRequirement(reference: "152-FZ Art. 9(4)(4)", item: "the purpose of processing")
        case .dataCategories:
            ConsentTextRequirement(reference: "152-FZ Art. 9(4)(5)", item: "the list of personal data")
        case .thirdParties:
            ConsentTextRequirement(
                reference: "152-FZ Art. 9(4)(6)", item: "\(processor) (write \"thirdParties\": [] when there is none)")
        case .thirdPartyName, .thirdPartyAddress:
            ConsentTextRequirement(reference: "152-FZ Art. 9(4)(6)", item: processor)
        case .actions:
            ConsentTextRequirement(
                reference: "152-FZ Art. 9(4)(7)", item: "the list of actions with the personal data")
        case .processingMethods:
            ConsentTextRequirement(
                reference: "152-FZ Art. 9(4)(7)", item: "a general description of the methods of processing")
        case .validity:
            ConsentTextRequirement(reference: "152-FZ Art. 9(4)(8)", item: "the term of validity of the consent")
        case .withdrawal:
            ConsentTextRequirement(reference: "152-FZ Art. 9(4)(8)", item: "the way to withdraw the consent")
        case .separateDocument:
            ConsentTextRequirement(
                reference: "152-FZ Art. 9(1) as amended by Federal Law No. 156-FZ of 24 June 2025",
                item: "the consent to be a separate document, not part of another agreement")
        default: nil
        }
    }

    /// Required by the GDPR for consent to be informed (Art. 4(11), 7).
    private var gdprRequirement: ConsentTextRequirement? {
        switch self {
        case .controllerName:
            ConsentTextRequirement(
                reference: "GDPR Art. 4(11) and Recital 42",
                item: "the identity of the controller (\"controller\" or \"operator\" with a name)")
        case .purposes:
            ConsentTextRequirement(reference: "GDPR Art. 6(1)(a)", item: "the specific purposes of processing")
        case .rightToWithdraw:
            ConsentTextRequirement(
                reference: "GDPR Art. 7(3)",
                item: "informing the data subject of the right to withdraw consent at any time")
        case .language:
            ConsentTextRequirement(
                reference: "GDPR Art. 7(2)", item: "the language of the text (clear and plain language)")
        default: nil
        }
    }
}
