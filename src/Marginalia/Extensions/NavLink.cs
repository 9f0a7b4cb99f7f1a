namespace Marginalia.Extensions;

/// <summary>
/// One link of the site's navigation: its label, the site path it leads to, where it stands (lower first: the essay
/// 0, notes 10, initiatives 20, glossary 30, reading guide 40, about 100) and the layouts whose pages it is the
/// current page of (aria-current).
/// </summary>
internal sealed record NavLink(string Label, string Path, int Order, IReadOnlyList<string> Layouts);

/// <summary>A navigation link as one page's layout sees it.</summary>
internal sealed record NavLinkView(string Label, string Path, bool Current);
