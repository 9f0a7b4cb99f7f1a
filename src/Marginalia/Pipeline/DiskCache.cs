using System.Security.Cryptography;
using System.Text;

namespace Marginalia.Pipeline;

/// <summary>
/// Results kept on disk from one <c>build</c> process to the next, in <c>.marginalia/cache/</c> beside <c>input/</c>:
/// what costs time and can be written as text (minified assets, rendered bodies), each under a key that hashes
/// everything it depends on, this program's own build included, so a changed input, setting or program misses.
/// An entry holds an HMAC-SHA-256 of its text under a key of this machine's user, kept outside the site
/// (<c>$XDG_CACHE_HOME/marginalia/cache-key</c>, else <c>~/.cache/…</c>): the folder sits in the site's checkout,
/// where a pull request could add files, and a plain hash would let it plant a "rendered body" that was never
/// sanitised. So an entry this machine did not write, or a corrupt, truncated or unreadable one, is ignored and made
/// again, and a failure to write one is ignored too; with no key to be had the cache keeps nothing. The cache only ever
/// saves work, and the folder is safe to delete at any time.
/// Compiled Liquid layouts are not kept: a Fluid template is an object graph with no serialised form.
/// </summary>
internal sealed class DiskCache
{
    private const string Header = "marginalia-cache 2 ";

    // The program's own build: a new build of Marginalia may render or minify differently, so it starts afresh.
    private static readonly Lazy<string> Program = new(ProgramStamp);

    // This user's signing key, made once per machine; null when it can be neither read nor made.
    private static readonly Lazy<byte[]?> MachineKey = new(ReadOrMakeKey);

    private readonly byte[]? _key;
    private long _hits;
    private long _misses;

    /// <param name="folder">The cache folder.</param>
    /// <param name="key">The signing key; this machine's by default.</param>
    public DiskCache(string folder, byte[]? key = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = folder;
        _key = key ?? MachineKey.Value;
    }

    /// <summary>The cache folder.</summary>
    public string Folder { get; }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The cache of a site: <c>.marginalia/cache/</c> in the folder that holds its input folder.</summary>
    public static DiskCache For(BuildRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var site = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(roots.Input)) ?? roots.DisplayBase;
        return new DiskCache(Path.Combine(site, ".marginalia", "cache"));
    }

    /// <summary>A key from the parts a result depends on, with this program's build.</summary>
    public static string Key(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return BuildCache.Key([Program.Value, .. parts]);
    }

    /// <summary>The text kept under <paramref name="key"/>, or a new one from <paramref name="create"/>, kept when it is not null.</summary>
    public string? GetOrAdd(string kind, string key, Func<string?> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (Read(kind, key) is { } found)
        {
            Interlocked.Increment(ref _hits);
            return found;
        }

        Interlocked.Increment(ref _misses);
        var made = create();
        if (made is not null)
        {
            Write(kind, key, made);
        }

        return made;
    }

    /// <summary>The text kept under the key, or null when there is none or it does not match its hash.</summary>
    public string? Read(string kind, string key)
    {
        var path = PathOf(kind, key);
        if (_key is null)
        {
            return null;
        }

        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = File.ReadAllText(path, Encoding.UTF8);
            var newline = entry.IndexOf('\n', StringComparison.Ordinal);
            if (newline < 0 || !entry.StartsWith(Header, StringComparison.Ordinal))
            {
                return null;
            }

            var text = entry[(newline + 1)..];
            return entry[Header.Length..newline] == Hash(text) ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or DecoderFallbackException)
        {
            return null; // unreadable: made again
        }
    }

    /// <summary>Keeps a text under the key: written aside and moved into place, so a reader sees a whole entry or none.</summary>
    public void Write(string kind, string key, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var path = PathOf(kind, key);
        if (_key is null)
        {
            return;
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temporary, Header + Hash(text) + "\n" + text, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next build makes it again.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // A stray temporary file is harmless: no reader opens it.
            }
        }
    }

    private string PathOf(string kind, string key)
    {
        // Keys are hex from Key, kinds the code's own names: neither can leave the folder.
        if (key.Length < 3 || !key.All(char.IsAsciiHexDigit) || !kind.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"not a cache key: '{kind}/{key}'");
        }

        return Path.Combine(Folder, kind, key[..2], key);
    }

    private string Hash(string text) => Convert.ToHexString(HMACSHA256.HashData(_key!, Encoding.UTF8.GetBytes(text)));

    /// <summary>The key file's place: the user's cache folder, never the site's checkout.</summary>
    internal static string? KeyPath()
    {
        var caches = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache") : null;
        return caches is null ? null : Path.Combine(caches, "marginalia", "cache-key");
    }

    private static byte[]? ReadOrMakeKey()
    {
        if (KeyPath() is not { } path)
        {
            return null;
        }

        try
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                try
                {
                    using var file = new FileStream(path, options);
                    file.Write(RandomNumberGenerator.GetBytes(32));
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another build made it first: theirs is read below.
                }
            }

            var key = File.ReadAllBytes(path);
            return key.Length >= 32 ? key : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ProgramStamp()
    {
        var assembly = typeof(DiskCache).Assembly;
        try
        {
            return assembly.ManifestModule.ModuleVersionId.ToString("N");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            // Where the module has no id to give, the program file itself: its size and time change with every build.
            var file = Environment.ProcessPath is { } path && File.Exists(path) ? new FileInfo(path) : null;
            return $"{assembly.FullName} {file?.Length} {file?.LastWriteTimeUtc.Ticks}";
        }
    }
}
