namespace Marginalia.Text;

/// <summary>
/// Aho–Corasick: finds every occurrence of many phrases in one pass over a text, in time linear in the text plus the
/// phrases plus the matches. Notes' quotes, glossary terms and initiative mentions all go through one of these, so no
/// build ever loops phrases × paragraphs.
/// </summary>
/// <remarks>
/// States live in flat arrays, and so do their edges: each state's children are one run of two arrays, sorted by
/// character, and the root's children for ASCII are a table of their own, since a search starts over at the root at
/// most characters. With tens of thousands of phrases a table per state means a million small objects, and a hash
/// table of all edges, which this used before, spent most of a search in its lookups (a large essay's quotes: the
/// reader's weave, which the rest of the build waits on).
/// </remarks>
internal sealed class PhraseAutomaton
{
    // A run of children longer than this is searched by halves rather than one by one.
    private const int LinearRun = 8;

    private readonly int[] _childOffset;
    private readonly char[] _childLabel;
    private readonly int[] _childState;
    private readonly int[] _rootAscii = new int[128];
    private readonly int[] _phraseAt;
    private readonly int[] _fail;

    // The nearest state on the failure chain (excluding this one) where a phrase ends: the chain of outputs.
    private readonly int[] _outputLink;
    private readonly int[] _lengths;

    public PhraseAutomaton(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _lengths = [.. phrases.Select(p => p.Length)];

        // Each phrase once, with the first index it has (duplicates share a state; the first index wins), in ordinal
        // order: the trie is then built without looking anything up, each phrase going on from the state where it
        // parts from the one before, and every state's children come in the order of their characters.
        var firstIndex = new Dictionary<string, int>(phrases.Count, StringComparer.Ordinal);
        var distinct = new List<string>(phrases.Count);
        for (var p = 0; p < phrases.Count; p++)
        {
            // An empty phrase would match everywhere: ignored.
            if (phrases[p].Length > 0 && firstIndex.TryAdd(phrases[p], p))
            {
                distinct.Add(phrases[p]);
            }
        }

        var sorted = distinct.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var capacity = 1;
        foreach (var phrase in sorted)
        {
            capacity += phrase.Length;
        }

        var parent = new List<int>(capacity) { -1 };
        var label = new List<char>(capacity) { '\0' };
        var phraseAt = new List<int>(capacity) { -1 };
        var path = new List<int> { 0 }; // the states of the phrase before, by depth
        var previous = string.Empty;
        foreach (var phrase in sorted)
        {
            // In ordinal order a phrase is never a prefix of the one before, so it always goes on past what they share.
            var shared = phrase.AsSpan().CommonPrefixLength(previous);

            path.RemoveRange(shared + 1, path.Count - shared - 1);
            var state = path[shared];
            for (var d = shared; d < phrase.Length; d++)
            {
                state = label.Count;
                parent.Add(path[d]);
                label.Add(phrase[d]);
                phraseAt.Add(-1);
                path.Add(state);
            }

            phraseAt[state] = firstIndex[phrase];
            previous = phrase;
        }

        _phraseAt = [.. phraseAt];
        (_childOffset, _childLabel, _childState) = Runs(parent, label);
        Array.Fill(_rootAscii, -1);
        for (var i = _childOffset[0]; i < _childOffset[1] && _childLabel[i] < 128; i++)
        {
            _rootAscii[_childLabel[i]] = _childState[i];
        }

        (_fail, _outputLink) = Links();
    }

    public int PhraseCount => _lengths.Length;

    /// <summary>Every occurrence of every phrase, overlapping ones included, ordered by end then by length (longest first).</summary>
    public IEnumerable<PhraseMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            state = Step(state, text[i]);
            for (var s = _phraseAt[state] >= 0 ? state : _outputLink[state]; s > 0; s = _outputLink[s])
            {
                var phrase = _phraseAt[s];
                yield return new PhraseMatch(phrase, i + 1 - _lengths[phrase], i + 1);
            }
        }
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            var to = Child(state, c);
            if (to >= 0)
            {
                return to;
            }

            if (state == 0)
            {
                return 0;
            }

            state = _fail[state];
        }
    }

    /// <summary>The state reached from this one on this character, or -1.</summary>
    private int Child(int state, char c)
    {
        if (state == 0 && c < 128)
        {
            return _rootAscii[c];
        }

        var start = _childOffset[state];
        var end = _childOffset[state + 1];
        if (end - start <= LinearRun)
        {
            for (var i = start; i < end; i++)
            {
                if (_childLabel[i] == c)
                {
                    return _childState[i];
                }
            }

            return -1;
        }

        // By halves, written out: the library's search over chars is not precompiled under ReadyToRun.
        var low = start;
        var high = end - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var at = _childLabel[middle];
            if (at == c)
            {
                return _childState[middle];
            }

            if (at < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Every state's children as one run of the two arrays (from offset[s] to offset[s + 1]), in the order they were
    /// made, which is the order of their characters.
    /// </summary>
    private static (int[] Offset, char[] Label, int[] State) Runs(List<int> parent, List<char> label)
    {
        var states = parent.Count;
        var offset = new int[states + 1];
        for (var s = 1; s < states; s++)
        {
            offset[parent[s] + 1]++;
        }

        for (var s = 0; s < states; s++)
        {
            offset[s + 1] += offset[s];
        }

        var labels = new char[states - 1];
        var targets = new int[states - 1];
        var next = offset[..states];
        for (var s = 1; s < states; s++)
        {
            var at = next[parent[s]]++;
            labels[at] = label[s];
            targets[at] = s;
        }

        return (offset, labels, targets);
    }

    /// <summary>Breadth-first: a state's failure link is the longest proper suffix of its path that is also a prefix.</summary>
    private (int[] Fail, int[] OutputLink) Links()
    {
        var states = _phraseAt.Length;
        var fail = new int[states];
        var outputLink = new int[states];
        var queue = new Queue<int>();
        for (var i = _childOffset[0]; i < _childOffset[1]; i++)
        {
            queue.Enqueue(_childState[i]);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            for (var i = _childOffset[state]; i < _childOffset[state + 1]; i++)
            {
                var (c, child) = (_childLabel[i], _childState[i]);
                var link = fail[state];
                int to;
                while ((to = Child(link, c)) < 0 && link != 0)
                {
                    link = fail[link];
                }

                fail[child] = to >= 0 && to != child ? to : 0;
                outputLink[child] = _phraseAt[fail[child]] >= 0 ? fail[child] : outputLink[fail[child]];
                queue.Enqueue(child);
            }
        }

        return (fail, outputLink);
    }
}
