using Deque.AxeCore.Commons;

namespace Marginalia.BrowserTests;

/// <summary>An axe-core result told so a failure can be acted on without rerunning the scan.</summary>
internal static class AxeReport
{
    // Enough of a violation's nodes to find the pattern; a site-wide colour can fail on hundreds.
    private const int NodesShownPerViolation = 8;

    public static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(
            Environment.NewLine,
            violations.Select(violation =>
                $"- {violation.Id} ({violation.Impact}): {violation.Help}{Environment.NewLine}" +
                string.Join(Environment.NewLine, violation.Nodes.Take(NodesShownPerViolation).Select(node => $"    on {node.Target}: {Checks(node)}")) +
                (violation.Nodes.Length > NodesShownPerViolation ? $"{Environment.NewLine}    and {violation.Nodes.Length - NodesShownPerViolation} more" : string.Empty)));

    // A node fails a rule through its checks: any one of "any", every one of "all", none of "none".
    private static string Checks(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).Distinct());
}
