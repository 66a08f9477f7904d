import Foundation

/// Reads a line from the terminal without echoing it.
enum HiddenPrompt {
    static func read(_ prompt: String) -> String? {
        Output.say(prompt)
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return readLine() }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            Output.say("\n")
        }
        return readLine()
    }
}
