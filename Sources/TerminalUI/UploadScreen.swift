import Onboarding

/// Step 4: where the rendered LOA is, and the path of the signed one to upload.
enum UploadScreen {
    static func content(_ model: WizardModel) -> [ScreenBlock] {
        var blocks: [ScreenBlock] = []
        if let path = model.state.renderedLOAPath {
            blocks += [.paragraph("The LOA is saved at:"), .path(path)]
            if model.state.renderedLOASigned == true {
                blocks.append(
                    .wording(
                        fullScreen:
                            "It already carries the signature image: Enter with no path uploads it as the signed LOA. Or give the path of another signed PDF.",
                        plain:
                            "It already carries the signature image: it can be uploaded as the signed LOA. Or give the path of another signed PDF.",
                        .colored(.good)))
            } else {
                blocks.append(
                    .wording(
                        fullScreen: "^O opens it in a PDF viewer. Sign it, save the signed PDF, and give its path.",
                        plain: "Answer o to open it in a PDF viewer. Sign it, save the signed PDF, and give its path."))
            }
            blocks.append(.blank)
        }
        return blocks + [
            .input(label: "Path of the signed PDF:", field: model.signedLOAPath), .blank,
            .wording(
                fullScreen: "It is checked (a PDF, at most 10 MB) before it is uploaded. Tab completes the path.",
                plain: "It is checked (a PDF, at most 10 MB) before it is uploaded.", .muted),
        ]
    }

}
