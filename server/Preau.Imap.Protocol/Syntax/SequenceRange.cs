namespace Preau.Imap.Protocol.Syntax;

/// <summary>One element of a sequence set: <c>7</c>, <c>4:9</c> or <c>12:*</c>.</summary>
/// <param name="Start">The first number as written, or <see cref="Star"/>.</param>
/// <param name="End">The last number as written (equal to <paramref name="Start"/> for a single number), or <see cref="Star"/>.</param>
/// <remarks>The two ends are kept as the client wrote them: <c>9:4</c> means the same as <c>4:9</c>
/// (RFC 9051 §9, seq-range), and <c>*</c> only gets a value once the mailbox size is known.</remarks>
public readonly record struct SequenceRange(uint Start, uint End)
{
    /// <summary>Stands for <c>*</c>, the largest number in use. 0 is free because seq-number is nz-number.</summary>
    public const uint Star = 0;

    /// <summary>A single number (or a single <c>*</c>).</summary>
    public bool IsSingle => Start == End;

    /// <summary>Replaces <c>*</c> by <paramref name="max"/> and orders the ends.</summary>
    /// <param name="max">The largest sequence number or UID in use.</param>
    /// <returns>The closed interval, low end first (it may lie partly above <paramref name="max"/>).</returns>
    public (uint Low, uint High) Resolve(uint max)
    {
        var a = Start == Star ? max : Start;
        var b = End == Star ? max : End;
        return a <= b ? (a, b) : (b, a);
    }

    /// <summary>The range as written on the wire.</summary>
    public override string ToString() =>
        IsSingle ? Format(Start) : Format(Start) + ":" + Format(End);

    private static string Format(uint n) =>
        n == Star ? "*" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
