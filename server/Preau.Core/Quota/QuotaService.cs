using Preau.Core.Accounts;
using Preau.Core.Policy;
using Preau.Core.Storage;

namespace Preau.Core.Quota;

/// <summary>Whose mailbox may hold how much: the limit of each account (its own, else its
/// profile's), its usage (the store's counter), and the words that tell a sender or a user that a
/// mailbox is full. The store itself makes the final check, inside the write that would exceed.</summary>
public sealed class QuotaService
{
    private readonly IMailboxStore _store;
    private readonly Dictionary<Profile, long?> _defaults;

    /// <summary>Reads the profile defaults; a size that does not parse stops the server with its key.</summary>
    public QuotaService(QuotaOptions options, IMailboxStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _defaults = new Dictionary<Profile, long?>
        {
            [Profile.Eleve] = ParseLimit(options.Eleve, nameof(options.Eleve)),
            [Profile.Responsable] = ParseLimit(options.Responsable, nameof(options.Responsable)),
            [Profile.Enseignant] = ParseLimit(options.Enseignant, nameof(options.Enseignant)),
            [Profile.Personnel] = ParseLimit(options.Personnel, nameof(options.Personnel)),
            [Profile.AdministrateurEnt] = ParseLimit(options.AdministrateurEnt, nameof(options.AdministrateurEnt)),
        };
        WarningPercent = options.WarningPercent is >= 0 and <= 100
            ? options.WarningPercent
            : throw new InvalidOperationException($"Mail:Quota:WarningPercent must be between 0 and 100, not {options.WarningPercent}");
    }

    /// <summary>The share of the quota whose crossing sends the owner a notice; 0: never.</summary>
    public int WarningPercent { get; }

    /// <summary>A profile's default limit in octets, or null for none.</summary>
    public long? DefaultFor(Profile profile) => _defaults.GetValueOrDefault(profile);

    /// <summary>The limit that applies to an account in octets, or null for none.</summary>
    public long? LimitOf(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.QuotaBytes switch
        {
            null => DefaultFor(account.Profile),
            0 => null,
            var own => own,
        };
    }

    /// <summary>The account's limit and usage.</summary>
    public QuotaStatus StatusOf(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new QuotaStatus(LimitOf(account), _store.GetUsage(account.Id), account.QuotaBytes is not null);
    }

    /// <summary>At RCPT: a mailbox already full, or too full for the size the client announced
    /// (<c>MAIL FROM … SIZE=</c>, 0 when unknown), is refused with 452 4.2.2 (RFC 3463: mailbox full,
    /// a temporary failure: the sender's server tries again later). Null when the mail may come.</summary>
    public PolicyDecision? CheckRecipient(Account account, string address, long declaredSize)
    {
        var status = StatusOf(account);
        // A message has at least one octet: a mailbox exactly at its limit is full.
        if (status.LimitBytes is not { } limit || status.Usage.Bytes + Math.Max(1, declaredSize) <= limit)
        {
            return null;
        }

        return PolicyDecision.Refuse(452, "4.2.2", FullText(address, status.Usage.Bytes, declaredSize, limit));
    }

    /// <summary>"Mailbox full" for a sender, French first.</summary>
    public static string FullText(string address, long usedBytes, long requestedBytes, long limitBytes) =>
        usedBytes >= limitBytes || requestedBytes <= 0
            ? $"boîte aux lettres pleine : {address} a atteint son quota de {ByteSize.Format(limitBytes)} (mailbox full)"
            : $"boîte aux lettres de {address} trop pleine : il reste {ByteSize.Format(Math.Max(0, limitBytes - usedBytes))} pour un message de {ByteSize.Format(requestedBytes)} (mailbox full)";

    /// <summary>"Over quota" for the owner (IMAP APPEND, COPY), French first.</summary>
    public static string OverQuotaText(long usedBytes, long requestedBytes, long limitBytes) =>
        $"Quota dépassé : il faudrait {ByteSize.Format(requestedBytes)} de plus, et {ByteSize.Format(usedBytes)} sont déjà utilisés sur {ByteSize.Format(limitBytes)}. "
        + "Supprimez des messages et videz la Corbeille (over quota)";

    /// <summary>Whether a write that took an account from <paramref name="before"/> to
    /// <paramref name="after"/> octets crossed the warning threshold of <paramref name="limitBytes"/>.</summary>
    public bool CrossedWarning(long? limitBytes, long before, long after)
    {
        if (WarningPercent == 0 || limitBytes is not { } limit || limit <= 0)
        {
            return false;
        }

        var threshold = limit / 100 * WarningPercent + (limit % 100 * WarningPercent / 100);
        return before < threshold && after >= threshold;
    }

    /// <summary>Reads a configured or typed limit: a size, or <c>0</c>/<c>unlimited</c> for none.</summary>
    public static long? ParseLimit(string? text, string key)
    {
        var value = (text ?? "").Trim();
        if (value.Equals("unlimited", StringComparison.OrdinalIgnoreCase) || value.Equals("illimité", StringComparison.OrdinalIgnoreCase)
            || value.Equals("illimite", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!ByteSize.TryParse(value, out var bytes))
        {
            throw new InvalidOperationException($"Mail:Quota:{key}: '{text}' is not a size (examples: 200M, 1G, 500 Mo, unlimited)");
        }

        return bytes == 0 ? null : bytes;
    }
}
