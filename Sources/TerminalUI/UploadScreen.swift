import Onboarding

/// Step 4: where the rendered LOA is, and the path of the signed one to upload.
enum UploadScreen {
    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        if let path = model.state.renderedLOAPath {
            region.wrap("The LOA is saved at:", into: &surface)
            region.write(DisplayPath.oneLine(path, width: region.width - 2), style: .bold, into: &surface, indent: 2)
            if model.state.renderedLOASigned == true {
                region.wrap(
                    "It already carries the signature image: Enter with no path uploads it as the signed LOA. Or give the path of another signed PDF.",
                    style: .colored(.good), into: &surface)
            } else {
                region.wrap("^O opens it in a PDF viewer. Sign it, save the signed PDF, and give its path.", into: &surface)
            }
            region.skip()
        }
        region.write("Path of the signed PDF:", into: &surface)
        model.signedLOAPath.draw(into: &surface, x: region.x + 2, y: region.y + region.line, width: region.width - 2, focused: true)
        region.skip()
        region.skip()
        region.wrap("It is checked (a PDF, at most 10 MB) before it is uploaded. Tab completes the path.", style: .muted, into: &surface)
    }
}
