namespace Marginalia.Text;

/// <summary>
/// Aho–Corasick: finds every occurrence of many phrases in one pass over a text, in time linear in the text plus the
/// phrases plus the matches. Notes' quotes, glossary terms and initiative mentions all go through one of these, so no
/// build ever loops phrases × paragraphs.
/// </summary>
public sealed class PhraseAutomaton
{
    private readonly List<Dictionary<char, int>> _next = [];
    private readonly List<int> _fail = [];

    // The phrases ending at a state: its own (if any), then those of its dictionary-suffix chain.
    private readonly List<int> _phraseAt = [];
    private readonly List<int> _outputLink = [];
    private readonly int[] _lengths;

    public PhraseAutomaton(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _lengths = [.. phrases.Select(p => p.Length)];
        NewState();
        for (var p = 0; p < phrases.Count; p++)
        {
            if (phrases[p].Length == 0)
            {
                continue; // an empty phrase matches nowhere useful
            }

            var state = 0;
            foreach (var c in phrases[p])
            {
                if (!_next[state].TryGetValue(c, out var to))
                {
                    to = NewState();
                    _next[state][c] = to;
                }

                state = to;
            }

            // Duplicate phrases share a state; callers map duplicates themselves, the first index wins here.
            if (_phraseAt[state] < 0)
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

    private int Step(int state, char c)
    {
        while (true)
        {
            if (_next[state].TryGetValue(c, out var to))
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

    private int NewState()
    {
        _next.Add([]);
        _fail.Add(0);
        _phraseAt.Add(-1);
        _outputLink.Add(0);
        return _next.Count - 1;
    }

    /// <summary>Breadth-first: a state's failure link is the longest proper suffix of its path that is also a prefix.</summary>
    private void BuildLinks()
    {
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values)
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in _next[state])
            {
                var fail = _fail[state];
                while (fail != 0 && !_next[fail].ContainsKey(c))
                {
                    fail = _fail[fail];
                }

                _fail[child] = _next[fail].TryGetValue(c, out var to) && to != child ? to : 0;
                var link = _fail[child];
                _outputLink[child] = _phraseAt[link] >= 0 ? link : _outputLink[link];
                queue.Enqueue(child);
            }
        }
    }
}
