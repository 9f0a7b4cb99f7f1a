using System.Net;
using System.Text.RegularExpressions;
using Marginalia.Preview;

namespace Marginalia.Tests.Preview;

public sealed class PreviewServerTests : IAsyncLifetime
{
    // Generous on purpose: these tests check that a build is announced, not how fast.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const string EssayOpening = "The early promise of globalisation was straightforward but ambitious";
    private const string ScriptTag = "<script src=\"/__marginalia/reload.js\"";

    private PreviewSite _site = null!;

    public async Task InitializeAsync() => _site = await PreviewSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Essay_is_served_with_the_reload_script_that_the_output_file_does_not_contain()
    {
        // Given the preview has built the repository's essay
        // When a browser asks for /
        using var response = await _site.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        // Then it gets the essay, uncached, with the reload script added just before </body>
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains(EssayOpening, html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<script src=\"/__marginalia/reload\\.js\" data-version=\"[0-9a-f]{8}-1\" defer></script>\n</body>\n</html>\n$"), html);
        Assert.Single(Regex.Matches(html, Regex.Escape(ScriptTag)));

        // And the file on disk is what `build` writes, with nothing of the preview in it
        var onDisk = await File.ReadAllTextAsync(_site.PathOf("output/index.html"));
        Assert.Contains(EssayOpening, onDisk, StringComparison.Ordinal);
        Assert.DoesNotContain("__marginalia", onDisk, StringComparison.Ordinal);
        Assert.False(File.Exists(_site.PathOf("output/__marginalia/reload.js")));
    }

    [Fact]
    public async Task Reload_script_is_served_by_the_server_as_javascript()
    {
        // Given the preview is running
        // When the browser loads the script the pages name
        using var response = await _site.Client.GetAsync("/__marginalia/reload.js");
        var script = await response.Content.ReadAsStringAsync();

        // Then it is JavaScript that listens to the event stream for builds and fetches its page from the server to patch
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("new EventSource(\"/__marginalia/events\" + (query.length ? \"?\" + query.join(\"&\") : \"\"))", script, StringComparison.Ordinal);
        Assert.Contains("query.push(\"since=\" + encodeURIComponent(served));", script, StringComparison.Ordinal);
        Assert.Contains("events.addEventListener(\"built\", function (event) {", script, StringComparison.Ordinal);
        Assert.Contains("\"/__marginalia/page?path=\" + encodeURIComponent(location.pathname)", script, StringComparison.Ordinal);
        Assert.Contains("response.headers.get(\"Marginalia-Same-Since\")", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_is_served_at_the_servers_own_address_as_a_navigation_gets_it()
    {
        // Given the preview is running
        // When the script asks for the about page at the server's own address, and for no page
        var direct = await _site.Client.GetStringAsync("/about/");
        using var response = await _site.Client.GetAsync("/__marginalia/page?path=%2Fabout%2F");
        using var unnamed = await _site.Client.GetAsync("/__marginalia/page");

        // Then it gets the page as it is at its own address, reload script included, uncached; and a request naming no page is refused
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(direct, await response.Content.ReadAsStringAsync());
        Assert.Contains(ScriptTag, direct, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
    }

    [Fact]
    public async Task About_folder_serves_its_index_and_the_address_without_slash_redirects_to_it()
    {
        // Given the preview is running, with redirects left to the test
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _site.Server.Address };

        // When the browser asks for /about/ and for /about
        using var folder = await client.GetAsync("/about/");
        using var bare = await client.GetAsync("/about");

        // Then /about/ is about/index.html, and /about points there so the page's relative links resolve
        Assert.Equal(HttpStatusCode.OK, folder.StatusCode);
        Assert.Contains("<h1 id=\"page-title\">About this edition</h1>", await folder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, bare.StatusCode);
        Assert.Equal("/about/", bare.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Stylesheet_and_icon_are_served_unchanged_with_their_content_types()
    {
        // Given the essay page names a fingerprinted stylesheet (the reader's bundle) and icon
        var html = await _site.Client.GetStringAsync("/");
        var css = Regex.Match(html, "href=\"(assets/reader\\.bundle\\.[0-9a-f]{8}\\.css)\"").Groups[1].Value;
        Assert.NotEqual(string.Empty, css);
        var icon = Regex.Match(html, "href=\"(assets/favicon\\.[0-9a-f]{8}\\.svg)\"").Groups[1].Value;

        // When the browser loads them
        using var cssResponse = await _site.Client.GetAsync("/" + css);
        using var iconResponse = await _site.Client.GetAsync("/" + icon);

        // Then each has its type, and the bytes are the output file's (no script added outside HTML)
        Assert.Equal("text/css; charset=utf-8", cssResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal("image/svg+xml; charset=utf-8", iconResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(_site.PathOf("output/" + css)), await cssResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(await File.ReadAllBytesAsync(_site.PathOf("output/" + icon)), await iconResponse.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Unknown_path_gets_the_404_page_with_status_404()
    {
        // Given the preview is running
        // When the browser asks for a page the site does not have
        using var response = await _site.Client.GetAsync("/glossary/no-such-term.html");
        var html = await response.Content.ReadAsStringAsync();

        // Then it gets the site's own 404 page, as Netlify would serve it, with the reload script
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<h1 id=\"page-title\">Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains(ScriptTag, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_the_essay_sends_a_built_event_naming_the_changed_files_and_the_page_then_has_the_new_word()
    {
        // Given a browser listening to the event stream
        await using var events = await EventStream.OpenAsync(_site.Client);
        var first = await events.NextAsync(Timeout);
        Assert.Equal("text/event-stream", events.ContentType);
        Assert.Equal("build", first.EventType);
        var hello = News.Parse(first.Data);
        Assert.EndsWith("-1", hello.Version, StringComparison.Ordinal);
        Assert.Equal(("", false, null), (hello.Previous, hello.Failed, hello.Changed)); // it did not say where its page came from

        // When the author changes a word of the essay and saves
        _site.Edit("input/essay.md", "straightforward but ambitious", "uncomplicated but ambitious");

        // Then a built event arrives, naming the new build, the one before it, and the files it changed: the essay's
        // page and what holds its text, not the pages that do not show it
        var built = await events.NextAsync(Timeout);
        Assert.Equal("built", built.EventType);
        var news = News.Parse(built.Data);
        Assert.Equal(hello.Version, news.Previous);
        Assert.NotEqual(hello.Version, news.Version);
        Assert.False(news.Failed);
        Assert.Contains("index.html", news.Changed!);
        Assert.DoesNotContain("essay.txt", news.Changed!); // the plain text is remade by the editions pass, next
        Assert.DoesNotContain("about/index.html", news.Changed!);
        Assert.DoesNotContain(news.Changed!, path => path.StartsWith("assets/", StringComparison.Ordinal));

        // And the page now has the new word, from the build the last event named (a save can reach the watcher
        // as two changes, and on a busy machine the second build may finish before the page is asked for)
        var html = await _site.Client.GetStringAsync("/");
        for (var extra = 0; extra < 3 && !html.Contains($"data-version=\"{news.Version}\"", StringComparison.Ordinal); extra++)
        {
            built = await events.NextAsync(Timeout);
            Assert.Equal("built", built.EventType);
            news = News.Parse(built.Data);
            html = await _site.Client.GetStringAsync("/");
        }

        Assert.Contains("The early promise of globalisation was uncomplicated but ambitious", html, StringComparison.Ordinal);
        Assert.DoesNotContain(EssayOpening, html, StringComparison.Ordinal);
        Assert.Contains($"data-version=\"{news.Version}\"", html, StringComparison.Ordinal);
        Assert.Equal(["input/essay.md"], _site.Builds.Last(b => b.Pass != PreviewPass.Editions).Changed);
    }

    [Fact]
    public async Task A_saved_note_is_announced_with_its_pages_first_and_then_with_the_editions_remade()
    {
        // Given a browser listening to the event stream
        await using var events = await EventStream.OpenAsync(_site.Client);
        Assert.Equal("build", (await events.NextAsync(Timeout)).EventType);

        // When the author changes a note's words and saves
        var note = Directory.EnumerateFiles(_site.PathOf("input/annotations"), "*.md").Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(note, "\nA sentence the author just added.\n");

        // Then the first news is the pages pass: the reader and the notes page changed, no edition did yet
        var pages = News.Parse((await events.NextAsync(Timeout)).Data);
        Assert.Contains("index.html", pages.Changed!);
        Assert.Contains("notes/index.html", pages.Changed!);
        Assert.DoesNotContain(pages.Changed!, path => path.StartsWith("downloads/", StringComparison.Ordinal));

        // And the next is the editions pass, which follows on from it: the EPUB and the single file now hold the
        // sentence, and no page changed again
        var editions = News.Parse((await events.NextAsync(Timeout)).Data);
        Assert.Equal(pages.Version, editions.Previous);
        Assert.False(editions.Failed);
        Assert.Contains(editions.Changed!, path => path.StartsWith("downloads/", StringComparison.Ordinal) && path.EndsWith(".epub", StringComparison.Ordinal));
        Assert.Contains(editions.Changed!, path => path.StartsWith("downloads/", StringComparison.Ordinal) && path.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains("annotations.jsonld", editions.Changed!);
        Assert.DoesNotContain("annotations.jsonld", pages.Changed!);
        Assert.DoesNotContain(editions.Changed!, path => path.EndsWith("index.html", StringComparison.Ordinal));
        var single = Directory.EnumerateFiles(_site.PathOf("output/downloads"), "*.html").Single();
        Assert.Contains("A sentence the author just added.", await File.ReadAllTextAsync(single), StringComparison.Ordinal);
        Assert.Equal([PreviewPass.Whole, PreviewPass.Pages, PreviewPass.Editions], _site.Builds.Select(b => b.Pass).ToList());
    }

    [Fact]
    public async Task A_page_of_the_pages_pass_that_connects_after_the_editions_pass_hears_that_it_did_not_change()
    {
        // Given a note saved, and both its passes announced: the pages pass rewrote the reader, the editions pass did not
        await using var events = await EventStream.OpenAsync(_site.Client, "index.html");
        var first = News.Parse((await events.NextAsync(Timeout)).Data);
        var note = Directory.EnumerateFiles(_site.PathOf("input/annotations"), "*.md").Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(note, "\nA sentence the author just added.\n");
        var pages = News.Parse((await events.NextAsync(Timeout)).Data);
        var editions = News.Parse((await events.NextAsync(Timeout)).Data);
        Assert.Equal([PreviewPass.Whole, PreviewPass.Pages, PreviewPass.Editions], _site.Builds.Select(b => b.Pass).ToList());

        // When the reader, loaded from the pages pass, connects only now, naming its build
        await using var late = await EventStream.OpenAsync(_site.Client, "index.html", pages.Version);
        var hello = late.NextAsync(Timeout);

        // Then the first event names the current build and what changed since the page's: the editions, not the page
        var news = News.Parse((await hello).Data);
        Assert.Equal((editions.Version, pages.Version, false), (news.Version, news.Previous, news.Failed));
        Assert.Equal(editions.Changed, news.Changed);
        Assert.DoesNotContain("index.html", news.Changed!);

        // And the page endpoint says the reader it answers is the file the pages pass made, though tagged with the
        // editions pass; it says nothing for the first build's, which the note changed
        using var same = await _site.Client.GetAsync("/__marginalia/page?path=/&since=" + pages.Version);
        Assert.Equal([pages.Version], same.Headers.GetValues(PreviewRequestHandler.SameSinceHeader));
        Assert.Contains($"data-version=\"{editions.Version}\"", await same.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var changed = await _site.Client.GetAsync("/__marginalia/page?path=/&since=" + first.Version);
        Assert.False(changed.Headers.Contains(PreviewRequestHandler.SameSinceHeader));

        // And a build the server does not know (an earlier run's) gets no list, so that page reloads
        await using var stranger = await EventStream.OpenAsync(_site.Client, "index.html", "0badcafe-2");
        var unknown = News.Parse((await stranger.NextAsync(Timeout)).Data);
        Assert.Equal((editions.Version, "0badcafe-2", null), (unknown.Version, unknown.Previous, unknown.Changed));
        using var strange = await _site.Client.GetAsync("/__marginalia/page?path=/&since=0badcafe-2");
        Assert.False(strange.Headers.Contains(PreviewRequestHandler.SameSinceHeader));
    }

    [Fact]
    public async Task After_saves_of_a_note_and_the_essay_the_output_is_byte_for_byte_what_a_plain_build_writes()
    {
        // Given a browser showing the reader, so the pages passes render it alone and carry the rest
        await using var events = await EventStream.OpenAsync(_site.Client, "index.html");
        Assert.Equal("build", (await events.NextAsync(Timeout)).EventType);

        // When the author saves a note, waits for both passes, then saves the essay and waits again
        var note = Directory.EnumerateFiles(_site.PathOf("input/annotations"), "*.md").Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(note, "\nA sentence the author just added.\n");
        await NextEditionsAsync(events);
        _site.Edit("input/essay.md", "straightforward but ambitious", "uncomplicated but ambitious");
        await NextEditionsAsync(events);

        // Then every file of the output is the one a plain build of the same input writes, and there are no others
        var plain = Path.Combine(_site.PathOf("."), "plain-output");
        var result = await Marginalia.Site.SiteBuilder.BuildAsync(new Marginalia.Site.BuildOptions(Output: "plain-output") { WorkingDirectory = _site.PathOf(".") });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var previewed = Files(_site.PathOf("output"));
        Assert.Equal(Files(plain).Keys.Order(StringComparer.Ordinal).ToList(), previewed.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (path, bytes) in Files(plain))
        {
            Assert.True(bytes.SequenceEqual(previewed[path]), $"{path} differs from a plain build's");
        }

        static Dictionary<string, byte[]> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
    }

    // Reads news until an editions pass has been announced (the pages pass's news comes first).
    private async Task NextEditionsAsync(EventStream events)
    {
        var seen = _site.Builds.Count;
        while (!_site.Builds.Skip(seen).Any(b => b.Pass == PreviewPass.Editions))
        {
            Assert.Equal("built", (await events.NextAsync(Timeout)).EventType);
        }
    }

    [Fact]
    public async Task A_burst_of_editor_scratch_files_starts_no_build_and_does_not_fail_the_next_one()
    {
        // Given a browser listening to the event stream
        await using var events = await EventStream.OpenAsync(_site.Client);
        Assert.Equal("build", (await events.NextAsync(Timeout)).EventType);

        // When editors write their scratch files beside the essay and in a contributions folder, some left there
        string[] left = ["input/annotations/sedAb12Cd", "input/annotations/note.md~", "input/annotations/#note.md#", "input/annotations/.note.md.swp"];
        string[] gone = ["input/sedXy34Zw", "input/.essay.md.swp", "input/4913", "input/essay.md~", "input/.#essay.md", "input/essay.md.tmp", "input/.goutputstream-7QK2", "input/essay.md.kate-swp", "input/.DS_Store"];
        foreach (var path in left.Concat(gone))
        {
            await File.WriteAllTextAsync(_site.PathOf(path), "scratch");
        }

        foreach (var path in gone)
        {
            File.Delete(_site.PathOf(path));
        }

        // And then the essay itself is saved
        _site.Edit("input/essay.md", "straightforward but ambitious", "uncomplicated but ambitious");

        // Then the next build is the essay's alone: the scratch files started none before it, nor joined it
        Assert.Equal("built", (await events.NextAsync(Timeout)).EventType);
        var build = _site.Builds.Single(b => b.Number == 2);
        Assert.Equal(PreviewPass.Pages, build.Pass);
        Assert.Equal(["input/essay.md"], build.Changed);

        // And the files still there do not fail it: the visible ones are each a warning to delete them, the hidden one
        // is left alone. The pages pass carried the notes' folder (only the essay changed), so the warnings come with
        // the editions pass, the whole build that follows
        Assert.True(build.Result.Succeeded, string.Join('\n', build.Result.Diagnostics));
        await NextEditionsAsync(events);
        var whole = _site.Builds.Single(b => b.Pass == PreviewPass.Editions);
        Assert.True(whole.Result.Succeeded, string.Join('\n', whole.Result.Diagnostics));
        var warnings = whole.Result.Diagnostics.Where(d => d.Code.Id == "MG0616").Select(d => $"{d.Location} {d.SeverityName}").ToArray();
        Assert.Equal(["input/annotations/#note.md#:1:1 warning", "input/annotations/note.md~:1:1 warning", "input/annotations/sedAb12Cd:1:1 warning"], warnings);
    }

    [Fact]
    public async Task Broken_front_matter_shows_the_errors_instead_of_pages_until_it_is_fixed()
    {
        // Given a browser listening to the event stream
        await using var events = await EventStream.OpenAsync(_site.Client);
        Assert.Equal("build", (await events.NextAsync(Timeout)).EventType);

        // When the author misspells the essay's title field (saved whole: this test reads the first rebuild's errors)
        _site.EditByRename("input/essay.md", "\ntitle: \"AI and", "\ntitel: \"AI and");

        // Then the browser is told the build failed, and every page is the list of errors, with their places
        var failed = await events.NextAsync(Timeout);
        Assert.Equal("built", failed.EventType);
        Assert.True(News.Parse(failed.Data).Failed);
        foreach (var path in new[] { "/", "/about/", "/no-such-page" })
        {
            using var broken = await _site.Client.GetAsync(path);
            var errors = await broken.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
            Assert.Equal("text/html; charset=utf-8", broken.Content.Headers.ContentType?.ToString());
            Assert.Contains("<h1>The site did not build</h1>", errors, StringComparison.Ordinal);
            Assert.Contains("<code>MG0110</code>, line 2, column 1</h3>\n<p class=\"diagnostic-place\">input/essay.md:2:1</p>\n<p class=\"diagnostic-message\">unknown field &#39;titel&#39;</p>\n"
                + "<p class=\"diagnostic-hint\"><strong>Hint:</strong> did you mean &#39;title&#39;?</p>", errors, StringComparison.Ordinal);
            Assert.Contains("<code>MG0111</code>, line 1, column 1</h3>\n<p class=\"diagnostic-place\">input/essay.md:1:1</p>\n<p class=\"diagnostic-message\">required field &#39;title&#39; is missing</p>", errors, StringComparison.Ordinal);
            // The line as it is in the file now, with the caret under column 1
            Assert.Contains("<span class=\"excerpt-line is-at\"><span class=\"excerpt-number\">2</span>titel: &quot;AI and", errors, StringComparison.Ordinal);
            Assert.Contains("<span class=\"excerpt-caret\" aria-hidden=\"true\"><span class=\"excerpt-number\"></span><span class=\"excerpt-pad\"></span>^</span>", errors, StringComparison.Ordinal);
            Assert.Contains(ScriptTag, errors, StringComparison.Ordinal);
            Assert.DoesNotContain(EssayOpening, errors, StringComparison.Ordinal);
        }

        // And the last good output is still on disk, untouched
        Assert.Contains(EssayOpening, await File.ReadAllTextAsync(_site.PathOf("output/index.html")), StringComparison.Ordinal);

        // When the author fixes it
        _site.EditByRename("input/essay.md", "\ntitel: \"AI and", "\ntitle: \"AI and");

        // Then the browser is told the build succeeded again, and the essay is served as before
        var fixedBuild = await events.NextAsync(Timeout);
        Assert.Equal("built", fixedBuild.EventType);
        Assert.False(News.Parse(fixedBuild.Data).Failed);
        using var fixedPage = await _site.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, fixedPage.StatusCode);
        Assert.Contains(EssayOpening, await fixedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_page_stylesheets_are_the_themes_as_it_is_now_and_a_fallback_of_the_previews_own()
    {
        // Given the preview is running
        // When the browser loads the error page's two stylesheets
        using var theme = await _site.Client.GetAsync("/__marginalia/theme.css");
        using var own = await _site.Client.GetAsync("/__marginalia/errors.css");

        // Then the first is the theme folder's site.css, the second the preview's, whose colours fall back to the theme's defaults
        Assert.Equal(HttpStatusCode.OK, theme.StatusCode);
        Assert.Equal("text/css; charset=utf-8", theme.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllTextAsync(_site.PathOf("theme/assets/site.css")), await theme.Content.ReadAsStringAsync());
        Assert.Equal("text/css; charset=utf-8", own.Content.Headers.ContentType?.ToString());
        Assert.Contains("--mg-paper: var(--paper, #fcfaf6);", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // When the theme's stylesheet is gone (deleting it is one way to break the build)
        File.Delete(_site.PathOf("theme/assets/site.css"));
        using var missing = await _site.Client.GetAsync("/__marginalia/theme.css");

        // Then it is an empty stylesheet saying so, not an error the browser's console would show
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal("/* The theme's stylesheet cannot be read; the error page uses its own. */\n", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_event_streams()
    {
        // Given a browser listening to the event stream
        var events = await EventStream.OpenAsync(_site.Client);
        await using (events)
        {
            Assert.Equal("build", (await events.NextAsync(Timeout)).EventType);
            Assert.Equal(1, _site.Server.ListenerCount);

            // When the preview stops
            await _site.Server.DisposeAsync().AsTask().WaitAsync(Timeout);

            // Then the stream ends instead of holding the shutdown up
            Assert.Null(await events.ReadAsync(Timeout));
        }
    }

    /// <summary>A built event's data, read as the script reads it.</summary>
    private sealed record News(string Version, string Previous, bool Failed, string[]? Changed)
    {
        public static News Parse(string json)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            var root = document.RootElement;
            var changed = root.GetProperty("changed");
            return new News(
                root.GetProperty("version").GetString()!,
                root.GetProperty("previous").GetString()!,
                root.GetProperty("failed").GetBoolean(),
                changed.ValueKind == System.Text.Json.JsonValueKind.Null ? null : [.. changed.EnumerateArray().Select(e => e.GetString()!)]);
        }
    }
}
