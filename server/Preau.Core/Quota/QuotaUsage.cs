namespace Preau.Core.Quota;

/// <summary>What an account's messages take: the RFC 822 size of every entry of every mailbox
/// (a message filed twice counts twice), and how many entries there are.</summary>
/// <param name="Bytes">Octets.</param>
/// <param name="Messages">Entries.</param>
public sealed record QuotaUsage(long Bytes, long Messages)
{
    /// <summary>No message.</summary>
    public static QuotaUsage Empty { get; } = new(0, 0);
}

/// <summary>An account's quota and usage.</summary>
/// <param name="LimitBytes">The storage limit in octets, or null when the account has none.</param>
/// <param name="Usage">What its messages take now.</param>
/// <param name="Overridden">Whether the limit is the account's own rather than its profile's.</param>
public sealed record QuotaStatus(long? LimitBytes, QuotaUsage Usage, bool Overridden)
{
    /// <summary>The share of the limit in use, in percent (0 without a limit).</summary>
    public int Percent => LimitBytes is { } limit && limit > 0 ? (int)Math.Min(100 * Usage.Bytes / limit, int.MaxValue) : 0;

    /// <summary>Octets still free (null without a limit).</summary>
    public long? FreeBytes => LimitBytes is { } limit ? Math.Max(0, limit - Usage.Bytes) : null;
}
