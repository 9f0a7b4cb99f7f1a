namespace Marginalia.Text;

/// <summary>
/// Aho–Corasick: finds every occurrence of many phrases in one pass over a text, in time linear in the text plus the
/// phrases plus the matches. Notes' quotes, glossary terms and initiative mentions all go through one of these, so no
/// build ever loops phrases × paragraphs.
/// </summary>
/// <remarks>
/// States live in flat arrays and all edges in one hash table keyed by (state, character): with tens of thousands of
/// phrases a table per state means a million small objects, and the search then waits on memory instead of working.
/// </remarks>
internal sealed class PhraseAutomaton
{
    private readonly Dictionary<long, int> _edges;
    private readonly List<int> _firstChild;
    private readonly List<int> _nextSibling;
    private readonly List<char> _label;
    private readonly List<int> _phraseAt;
    private int[] _fail = [];

    // The nearest state on the failure chain (excluding this one) where a phrase ends: the chain of outputs.
    private int[] _outputLink = [];
    private readonly int[] _lengths;

    public PhraseAutomaton(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _lengths = [.. phrases.Select(p => p.Length)];

        // Sized once for the worst case (no shared prefixes): growing tables this large would copy them again and
        // again, and each copy is a large-object allocation that makes the collector walk the whole heap.
        var capacity = _lengths.Sum() + 1;
        _edges = new Dictionary<long, int>(capacity);
        _firstChild = new List<int>(capacity);
        _nextSibling = new List<int>(capacity);
        _label = new List<char>(capacity);
        _phraseAt = new List<int>(capacity);
        NewState(parent: -1, label: '\0');
        for (var p = 0; p < phrases.Count; p++)
        {
            var state = 0;
            foreach (var c in phrases[p])
            {
                if (!_edges.TryGetValue(Key(state, c), out var to))
                {
                    to = NewState(state, c);
                    _edges[Key(state, c)] = to;
                }

                state = to;
            }

            // An empty phrase would match everywhere: ignored. Duplicates share a state; the first index wins.
            if (state != 0 && _phraseAt[state] < 0)
            {
                _phraseAt[state] = p;
            }
        }

        BuildLinks();
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

    private static long Key(int state, char c) => ((long)state << 16) | c;

    private int Step(int state, char c)
    {
        while (true)
        {
            if (_edges.TryGetValue(Key(state, c), out var to))
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

    private int NewState(int parent, char label)
    {
        var state = _label.Count;
        _label.Add(label);
        _firstChild.Add(-1);
        _nextSibling.Add(-1);
        _phraseAt.Add(-1);
        if (parent >= 0)
        {
            _nextSibling[state] = _firstChild[parent];
            _firstChild[parent] = state;
        }

        return state;
    }

    /// <summary>Breadth-first: a state's failure link is the longest proper suffix of its path that is also a prefix.</summary>
    private void BuildLinks()
    {
        _fail = new int[_label.Count];
        _outputLink = new int[_label.Count];
        var queue = new Queue<int>();
        for (var child = _firstChild[0]; child >= 0; child = _nextSibling[child])
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            for (var child = _firstChild[state]; child >= 0; child = _nextSibling[child])
            {
                var c = _label[child];
                var fail = _fail[state];
                int to;
                while (!_edges.TryGetValue(Key(fail, c), out to) && fail != 0)
                {
                    fail = _fail[fail];
                }

                _fail[child] = _edges.TryGetValue(Key(fail, c), out to) && to != child ? to : 0;
                var link = _fail[child];
                _outputLink[child] = _phraseAt[link] >= 0 ? link : _outputLink[link];
                queue.Enqueue(child);
            }
        }
    }
}
