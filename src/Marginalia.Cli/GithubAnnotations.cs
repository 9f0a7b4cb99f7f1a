using System.Text;
using Marginalia.Diagnostics;

namespace Marginalia.Cli;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>), which GitHub shows on the
/// pull request's diff at that line. Values are escaped as the runner expects: %, CR and LF everywhere, and also
/// ':' and ',' in properties. Every value is first made visible (<see cref="VisibleText"/>), so no control character
/// reaches the log, and the only line break is the one this writes between message and hint, escaped as %0A: a value
/// can never start a line of its own and so never a workflow command ("::add-mask::", "::stop-commands::").
/// </summary>
internal static class GithubAnnotations
{
    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var command = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var message = diagnostic.Hint is null ? Data(diagnostic.Message) : $"{Data(diagnostic.Message)}%0Ahint: {Data(diagnostic.Hint)}";
        var location = diagnostic.Location;
        return $"::{command} file={Property(location.Path)},line={location.Line},col={location.Column},title={Property(diagnostic.Code.Id)}::{message}";
    }

    private static string Data(string value) =>
        new StringBuilder(VisibleText.Escape(value)).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string Property(string value) =>
        new StringBuilder(Data(value)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}
