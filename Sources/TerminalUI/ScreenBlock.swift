import Onboarding

/// What a step's screen shows, before it is placed: the full-screen layout draws the blocks in
/// the step's region (`ScreenLayout`), the plain renderer prints them as lines (`PlainText`).
/// Words about keys are given for each renderer, since their keys differ.
enum ScreenBlock {
    /// Text wrapped to the region on screen (`indent` columns in); one line in plain mode.
    case paragraph(String, Style = .plain, indent: Int = 0)
    /// One line, clipped on screen.
    case line(String, Style = .plain, indent: Int = 0)
    /// A file's path: shortened in the middle to fit on screen, whole in plain mode.
    case path(String, indent: Int = 2)
    case blank
    /// A radio list: one choice a line, the chosen one marked.
    case choices([ScreenChoice])
    /// A text field and its label (above it, or `inlineWidth` columns wide beside it), its
    /// cursor shown when `focused`; plain mode asks it as a question instead.
    case input(label: String, field: TextField, inlineWidth: Int? = nil, focused: Bool = true)
    /// Words each renderer says its own way: keys differ, and plain mode says as a sentence
    /// what the screen shows in short (`plain` nil: left out there; `fullScreen` empty: only
    /// in plain mode).
    case wording(fullScreen: String, plain: String?, Style = .plain)
    /// Side-by-side values under their titles on screen (the two reviews); plain mode says each
    /// as `title: spoken.`.
    case columns([ScreenColumn])
    /// A bulleted list wrapped to the region; on screen at most `room` lines, the last of them
    /// `overflow` when the list is longer (plain mode says every item).
    case bullets([String], Style, room: Int, overflow: String)
    /// A form scrolled to its focused row; plain mode asks its fields one at a time instead.
    case form(ScreenForm)
    /// Lines being typed, each with its verdict; plain mode sums them up instead.
    case numberList(ScreenNumberList)
    /// A table of rows under column titles, scrolled to its cursor, with a footer on the
    /// region's last line; plain mode says each row as a sentence.
    case table(ScreenTable)
    /// Shown on the full screen only (plain mode says it another way, or has no need of it).
    indirect case onScreenOnly(ScreenBlock)
}

/// One choice of a radio list: its label, and a detail drawn beside it (and said in words).
struct ScreenChoice: Equatable {
    var label: String
    /// Beside the label on screen (`$208.75/month`).
    var detail: String
    /// The detail in words for plain mode (`about $208.75 a month`).
    var spokenDetail: String
    var chosen: Bool
}

/// One column of `.columns`: a title, its value as drawn (with its style), and as said.
struct ScreenColumn: Equatable {
    var title: String
    var value: String
    var style: Style
    var spoken: String
}
