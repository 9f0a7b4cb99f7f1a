using System.Reflection;
using System.Text.RegularExpressions;
using Marginalia.Markup;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Markup;

/// <summary>Every name C# shares with the theme is used by the theme, as a class or attribute: a rename on one side cannot go unnoticed.</summary>
public class MarkupNamesTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(MarkupNames).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }

        return data;
    }

    [Fact]
    public void The_class_holds_the_names_the_weaver_and_the_editions_write()
    {
        Assert.Equal(15, Names().Count);
        Assert.Equal(MarkupNames.NoteRef, Marginalia.Reader.EssayWeaver.MarkerClass);
        Assert.Equal(MarkupNames.Term, Marginalia.Glossary.TermMatcher.LinkClass);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_theme_uses_the_name(string name)
    {
        var theme = Path.Combine(RepoPaths.Root, "theme");
        var css = Directory.EnumerateFiles(Path.Combine(theme, "assets"), "*.css").Select(File.ReadAllText);
        var js = Directory.EnumerateFiles(Path.Combine(theme, "assets"), "*.js").Select(File.ReadAllText);
        var layouts = Directory.EnumerateFiles(Path.Combine(theme, "layouts"), "*.liquid", SearchOption.AllDirectories).Select(File.ReadAllText);
        var word = Regex.Escape(name);

        // As a selector (.name, [data-name), in a script's string or dataset, or in a layout's class or attribute: not in prose or a comment.
        bool used;
        if (name.StartsWith("data-", StringComparison.Ordinal))
        {
            var dataset = Regex.Replace(name["data-".Length..], "-([a-z])", m => m.Groups[1].Value.ToUpperInvariant());
            used = css.Any(c => Regex.IsMatch(c, $@"\[{word}[\]=~|^$*]"))
                || js.Any(j => Regex.IsMatch(j, $@"['""`\[]{word}\b|dataset\.{dataset}\b"))
                || layouts.Any(l => Regex.IsMatch(l, $@"\s{word}[\s=>]"));
        }
        else
        {
            used = css.Any(c => Regex.IsMatch(c, $@"\.{word}(?![\w-])"))
                || js.Any(j => Regex.IsMatch(j, $@"['""`.\s]{word}(?![\w-])[^\n]*") && Regex.IsMatch(j, $@"(classList\.\w+\(|querySelector\w*\(|closest\(|matches\()['""`][^'""`]*(?<![\w-]){word}(?![\w-])"))
                || layouts.Any(l => Regex.IsMatch(l, $@"class=""[^""]*(?<![\w-]){word}(?![\w-])[^""]*"""));
        }

        Assert.True(used, $"'{name}' (MarkupNames) is used by no stylesheet, script or layout in theme/");
    }
}
