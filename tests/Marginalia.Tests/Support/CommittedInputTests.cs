using System.Diagnostics;
using Marginalia.Testing;

namespace Marginalia.Tests.Support;

/// <summary>The tests build input/ as committed, never a draft in the working tree (tests/Shared/CommittedInput.cs).</summary>
public sealed class CommittedInputTests
{
    [Fact]
    public void A_draft_an_edit_and_a_deletion_in_the_working_tree_are_not_in_the_snapshot()
    {
        // Given a checkout with two committed notes, then a new draft, an edited note and a deleted one
        using var repository = TempSite.Empty();
        repository.Write("input/annotations/kept.md", "committed text\n");
        repository.Write("input/annotations/deleted.md", "committed too\n");
        repository.Write("theme/site.css", "body {}\n");
        Git(repository.Root, "init", "--quiet");
        Git(repository.Root, "add", ".");
        Git(repository.Root, "-c", "user.name=t", "-c", "user.email=t@t.test", "commit", "--quiet", "-m", "notes");
        repository.Write("input/annotations/draft.md", "not committed\n");
        repository.Write("input/annotations/kept.md", "edited, not committed\n");
        File.Delete(repository.PathOf("input/annotations/deleted.md"));

        // When the tests take its input
        var snapshot = CommittedInput.Of(repository.Root);

        // Then they get exactly the committed files, with their committed text, and no note that they fell back
        Assert.Null(snapshot.Fallback);
        Assert.StartsWith("input/ as committed at ", snapshot.Source, StringComparison.Ordinal);
        Assert.Equal(["annotations/deleted.md", "annotations/kept.md"], FilesIn(snapshot.Input));
        Assert.Equal("committed text\n", File.ReadAllText(Path.Combine(snapshot.Input, "annotations", "kept.md")));
        Assert.Same(snapshot, CommittedInput.Of(repository.Root));
    }

    [Fact]
    public void A_folder_that_is_not_a_checkout_gives_the_working_tree_and_says_why()
    {
        // Given an unpacked source tarball: input/ with no git history above it (the temp folder is not in a checkout)
        using var tarball = TempSite.Empty();
        tarball.Write("input/annotations/draft.md", "only in the working tree\n");

        // When the tests take its input
        var snapshot = CommittedInput.Of(tarball.Root);

        // Then they get the working tree's files, and a message saying so and why
        Assert.Equal(["annotations/draft.md"], FilesIn(snapshot.Input));
        Assert.NotNull(snapshot.Fallback);
        Assert.Contains("is not a git checkout", snapshot.Fallback, StringComparison.Ordinal);
        Assert.Contains("uncommitted files in it are part of this run", snapshot.Fallback, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void This_repository_is_tested_from_its_committed_input()
    {
        // Says once in the run's output when the repository is not a checkout (a source tarball), rather than
        // silently testing whatever input/ holds.
        var snapshot = CommittedInput.Of(RepoPaths.Root);
        Skip.If(snapshot.Fallback is not null, snapshot.Fallback);

        Assert.Equal(Git(RepoPaths.Root, "ls-tree", "-r", "--name-only", "HEAD", "input")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(path => path["input/".Length..]).Order(StringComparer.Ordinal),
            FilesIn(snapshot.Input));
    }

    private static List<string> FilesIn(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error.Result}");
        return output;
    }
}
