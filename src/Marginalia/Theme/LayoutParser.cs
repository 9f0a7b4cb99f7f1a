using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Marginalia.Diagnostics;

namespace Marginalia.Theme;

/// <summary>Parses Liquid layouts with Fluid and turns its syntax errors into diagnostics at the right line and column.</summary>
public static partial class LayoutParser
{
    // FluidParser is thread-safe once built; layouts parse in parallel.
    private static readonly FluidParser Parser = new();

    public static IFluidTemplate? Parse(string source, string displayPath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (Parser.TryParse(source, out var template, out var error))
        {
            return template;
        }

        // Fluid reports "message at (line:col)\nSource:\n…"; keep the message, use the position.
        var match = Position().Match(error ?? string.Empty);
        var line = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        var column = match.Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
        var message = (error ?? "syntax error").Split('\n')[0];
        if (match.Success)
        {
            message = message[..message.IndexOf(" at (", StringComparison.Ordinal)];
        }

        diagnostics.Error(DiagnosticCodes.LayoutSyntax, new SourceLocation(displayPath, line, column), $"Liquid syntax error: {message}");
        return null;
    }

    [GeneratedRegex(@" at \((\d+):(\d+)\)")]
    private static partial Regex Position();
}
