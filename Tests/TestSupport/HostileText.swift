/// Text that breaks naive exporters: every special character of Markdown, CSV, XLSX and
/// LaTeX, formula triggers, markup, accents, NBSP, YAML's booleans and a very long name.
public enum HostileText {
    public static let samples: [String] = [
        #"\ { } $ & # ^ _ % ~"#,
        #"=HYPERLINK("http://evil.example","click")"#,
        "<script>alert('x')</script>",
        "a | b || c",
        "*not emphasis* and **not strong** and _not_ __either__",
        "Crème brûlée, naïve, Ærø, Łódź, Ελληνικά, Кириллица",
        "non\u{00A0}breaking\u{00A0}space",
        "&amp; &lt; &#65; &copy; R&D",
        "# not a heading",
        "1. not a list",
        "2) not a list either",
        "- not a bullet",
        "+ nor this",
        "> not a quote",
        "---",
        "===",
        "[x](http://y) ![img](http://z) [^1] [ ] <http://auto.example>",
        "`code` ``more`` ~~strike~~",
        "line\nbreak",
        "tab\there",
        #"\*escaped\* and trailing backslash \"#,
        "\\input{/etc/passwd} \\write18{rm -rf /} ^^5c \\catcode \\end{document}",
        "-- << >> ,, `` '' !` ?` “quoted” ‘single’ \"double\" 'plain'",
        "@SUM(A1) +1 -1 -5 1234.5",
        "NO",
        "yes",
        String(repeating: "Very long name ", count: 200) + "end",
    ]
}
