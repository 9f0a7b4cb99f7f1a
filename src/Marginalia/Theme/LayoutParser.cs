using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Marginalia.Diagnostics;

namespace Marginalia.Theme;

/// <summary>Parses Liquid layouts with Fluid and turns its syntax errors into diagnostics at the right line and column.</summary>
internal static partial class LayoutParser
{
    // FluidParser is thread-safe once built; layouts parse in parallel.
    private static readonly FluidParser Parser = new();

    public static IFluidTemplate? Parse(string source, string displayPath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (Parser.TryParse(source, out var template, out var error))
        {
            return ReportUnknownFilters(template, source, displayPath, diagnostics) ? null : template;
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

    /// <summary>
    /// Fluid accepts any filter name when it parses and, with StrictFilters, fails only when the filter runs, without a
    /// position: a misspelt filter in a branch this site never takes would go unnoticed. So every filter is checked here.
    /// </summary>
    /// <returns>Whether a filter was unknown (each reported).</returns>
    private static bool ReportUnknownFilters(IFluidTemplate template, string source, string displayPath, DiagnosticBag diagnostics)
    {
        var names = new FilterNames();
        names.VisitTemplate(template);
        var unknown = false;
        foreach (var name in names.Names.Where(n => !KnownFilters.TryGetValue(n, out _)))
        {
            var (line, column) = LayoutSource.FirstFilter(source, name) is { } offset ? LayoutSource.Position(source, offset) : (1, 1);
            diagnostics.Error(DiagnosticCodes.LayoutUnknownFilter, new SourceLocation(displayPath, line, column), $"Liquid filter '{name}' does not exist",
                "see the filters Liquid has (raw, escape, date, size, ...): https://shopify.github.io/liquid/filters/");
            unknown = true;
        }

        return unknown;
    }

    /// <summary>The filters layouts may use: Fluid's standard ones (the theme adds none).</summary>
    private static readonly FilterCollection KnownFilters = new TemplateOptions().Filters;

    private sealed class FilterNames : Fluid.Ast.AstVisitor
    {
        public SortedSet<string> Names { get; } = new(StringComparer.Ordinal);

        protected override Fluid.Ast.Expression VisitFilterExpression(Fluid.Ast.FilterExpression filterExpression)
        {
            Names.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }
    }

    [GeneratedRegex(@" at \((\d+):(\d+)\)")]
    private static partial Regex Position();
}
