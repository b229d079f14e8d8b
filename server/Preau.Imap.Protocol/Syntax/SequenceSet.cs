using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Preau.Imap.Protocol.Syntax;

/// <summary>A set of message sequence numbers or UIDs: <c>1:*</c>, <c>2,4:7,9</c>, <c>$</c>.</summary>
/// <remarks>
/// <code>
/// sequence-set     = (seq-number / seq-range) ["," sequence-set]   ; RFC 9051 §9
/// seq-range        = seq-number ":" seq-number
/// seq-number       = nz-number / "*"
/// sequence-set     =/ seq-last-command                              ; RFC 5182 (SEARCHRES)
/// seq-last-command = "$"
/// </code>
/// RFC 5182 lets <c>$</c> stand alone; we also accept it as one element of a list
/// (<c>2,4:7,$</c>) and read it as a union, which is unambiguous. The session replaces it with
/// <see cref="ResolveSaved"/> before use.
/// </remarks>
public sealed class SequenceSet : IEquatable<SequenceSet>
{
    private readonly SequenceRange[] _ranges;

    private SequenceSet(SequenceRange[] ranges, bool includesSaved)
    {
        _ranges = ranges;
        IncludesSavedResult = includesSaved;
    }

    /// <summary><c>1:*</c>: every message.</summary>
    public static SequenceSet All { get; } = new([new SequenceRange(1, SequenceRange.Star)], false);

    /// <summary><c>$</c>: the result saved by the last <c>SEARCH RETURN (SAVE)</c> (RFC 5182).</summary>
    public static SequenceSet SavedResult { get; } = new([], true);

    /// <summary>The empty set (it has no wire form: callers omit it, e.g. in ESEARCH).</summary>
    public static SequenceSet Empty { get; } = new([], false);

    /// <summary>The ranges as written, in the client's order.</summary>
    public IReadOnlyList<SequenceRange> Ranges => _ranges;

    /// <summary>True when the set names <c>$</c>, the saved search result.</summary>
    public bool IncludesSavedResult { get; }

    /// <summary>True when a range uses <c>*</c>.</summary>
    public bool UsesStar => _ranges.Any(r => r.Start == SequenceRange.Star || r.End == SequenceRange.Star);

    /// <summary>True when the set names nothing.</summary>
    public bool IsEmpty => _ranges.Length == 0 && !IncludesSavedResult;

    /// <summary>A set with one number.</summary>
    /// <param name="number">A non-zero number.</param>
    public static SequenceSet Single(uint number) => Range(number, number);

    /// <summary>A set with one range.</summary>
    /// <param name="start">First number, or <see cref="SequenceRange.Star"/>.</param>
    /// <param name="end">Last number, or <see cref="SequenceRange.Star"/>.</param>
    public static SequenceSet Range(uint start, uint end) => new([new SequenceRange(start, end)], false);

    /// <summary>Compacts numbers into the shortest set: <c>1,2,3,4,5,7</c> becomes <c>1:5,7</c>.</summary>
    /// <param name="numbers">Non-zero numbers in any order, duplicates allowed.</param>
    /// <remarks>For COPYUID the source and destination sets must pair up in order: pass both lists
    /// sorted by source UID, and the destination UIDs will be ascending too when allocated in that order.</remarks>
    public static SequenceSet FromNumbers(IEnumerable<uint> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var sorted = numbers.Where(n => n != 0).Distinct().Order().ToArray();
        var ranges = new List<SequenceRange>();
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            ranges.Add(new SequenceRange(sorted[i], sorted[j]));
            i = j + 1;
        }

        return new SequenceSet([.. ranges], false);
    }

    /// <summary>Parses a sequence set.</summary>
    /// <param name="text">The wire form.</param>
    /// <exception cref="FormatException">The text is not a sequence set.</exception>
    public static SequenceSet Parse(string text) =>
        TryParse(text, out var set) ? set : throw new FormatException($"'{text}' is not a sequence set");

    /// <summary>Parses a sequence set.</summary>
    /// <param name="text">The wire form.</param>
    /// <param name="set">The set, when the text is valid.</param>
    /// <returns>False when the text is not a sequence set.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SequenceSet? set)
    {
        set = null;
        if (text.IsEmpty)
        {
            return false;
        }

        var ranges = new List<SequenceRange>();
        var saved = false;
        foreach (var part in text.Split(','))
        {
            var element = text[part];
            if (element is "$")
            {
                saved = true;
                continue;
            }

            var colon = element.IndexOf(':');
            if (colon < 0)
            {
                if (!TryParseNumber(element, out var n))
                {
                    return false;
                }

                ranges.Add(new SequenceRange(n, n));
            }
            else if (TryParseNumber(element[..colon], out var a) && TryParseNumber(element[(colon + 1)..], out var b))
            {
                ranges.Add(new SequenceRange(a, b));
            }
            else
            {
                return false;
            }
        }

        set = ranges.Count == 0 ? SavedResult : new SequenceSet([.. ranges], saved);
        return true;
    }

    /// <summary>True when <paramref name="number"/> is in the set once <c>*</c> means <paramref name="max"/>.</summary>
    /// <param name="number">A sequence number or UID.</param>
    /// <param name="max">The largest sequence number or UID in use (numbers above it are never contained).</param>
    /// <remarks>Resolve <c>$</c> first (<see cref="ResolveSaved"/>): it is not consulted here.</remarks>
    public bool Contains(uint number, uint max)
    {
        if (number == 0 || number > max)
        {
            return false;
        }

        foreach (var range in _ranges)
        {
            var (low, high) = range.Resolve(max);
            if (number >= low && number <= high)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The set as sorted, merged, non-overlapping intervals within 1..<paramref name="max"/>.</summary>
    /// <param name="max">The largest sequence number or UID in use; <c>*</c> stands for it.</param>
    /// <remarks>RFC 9051 §6.4.9: a UID range <c>559:*</c> always includes the last message's UID,
    /// even when 559 is above it, which <see cref="SequenceRange.Resolve"/> gives by ordering the ends.</remarks>
    public IReadOnlyList<(uint First, uint Last)> ToIntervals(uint max)
    {
        var intervals = new List<(uint First, uint Last)>(_ranges.Length);
        foreach (var range in _ranges)
        {
            var (low, high) = range.Resolve(max);
            if (low <= max && high >= 1)
            {
                intervals.Add((Math.Max(low, 1u), Math.Min(high, max)));
            }
        }

        intervals.Sort();
        var merged = new List<(uint First, uint Last)>(intervals.Count);
        foreach (var interval in intervals)
        {
            if (merged.Count > 0 && (ulong)interval.First <= (ulong)merged[^1].Last + 1)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, interval.Last));
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    /// <summary>Every number of the set, ascending and once each, up to <paramref name="max"/>.</summary>
    /// <param name="max">The largest sequence number in use; <c>*</c> stands for it.</param>
    /// <remarks>Meant for sequence numbers. For UIDs, walk the mailbox and call <see cref="Contains"/>
    /// or intersect with <see cref="ToIntervals"/>: <c>1:4294967295</c> is a valid UID set.</remarks>
    public IEnumerable<uint> Enumerate(uint max)
    {
        foreach (var (first, last) in ToIntervals(max))
        {
            for (var n = first; ; n++)
            {
                yield return n;
                if (n == last)
                {
                    break;
                }
            }
        }
    }

    /// <summary>True when a number of the set (not <c>*</c>) is above <paramref name="max"/>.</summary>
    /// <param name="max">The number of messages in the mailbox.</param>
    /// <remarks>RFC 9051 §6.4.4: a message sequence number above the mailbox size is a BAD.</remarks>
    public bool HasNumberAbove(uint max) =>
        _ranges.Any(r => r.Start > max || r.End > max);

    /// <summary>Replaces <c>$</c> with the saved search result (RFC 5182 §2.1).</summary>
    /// <param name="saved">The saved result; an empty set when none was saved.</param>
    /// <returns>This set when it has no <c>$</c>; otherwise the union.</returns>
    public SequenceSet ResolveSaved(SequenceSet saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return IncludesSavedResult ? new SequenceSet([.. _ranges, .. saved._ranges], false) : this;
    }

    /// <summary>The wire form, e.g. <c>1:5,7,10:*</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var range in _ranges)
        {
            text.Append(text.Length == 0 ? "" : ",").Append(range.ToString());
        }

        if (IncludesSavedResult)
        {
            text.Append(text.Length == 0 ? "$" : ",$");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(SequenceSet? other) =>
        other is not null && IncludesSavedResult == other.IncludesSavedResult && _ranges.AsSpan().SequenceEqual(other._ranges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SequenceSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IncludesSavedResult);
        foreach (var range in _ranges)
        {
            hash.Add(range);
        }

        return hash.ToHashCode();
    }

    // seq-number = nz-number / "*"; nz-number = digit-nz *DIGIT, below 2^32 (RFC 9051 §9).
    private static bool TryParseNumber(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        if (text is "*")
        {
            value = SequenceRange.Star;
            return true;
        }

        return ImapNumber.TryParseNz(text, out value);
    }
}
