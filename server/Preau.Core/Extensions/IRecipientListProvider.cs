using Preau.Core.Accounts;

namespace Preau.Core.Extensions;

/// <summary>Virtual list addresses defined outside Core (by a plugin): the provider names the
/// members; the sending policy then decides every member as for a built-in list, and the members
/// count toward the per-message limit.</summary>
/// <remarks>Asked only for a local part that is neither a built-in list nor an account's login, so
/// a provider can never take over a mailbox. Called on the SMTP RCPT path: it must answer from
/// memory, without I/O.</remarks>
public interface IRecipientListProvider
{
    /// <summary>The members of <paramref name="localPart"/>, or null when the provider does not know it.</summary>
    /// <param name="localPart">The local part as written (case preserved).</param>
    /// <param name="sender">The sending account, or null for the system.</param>
    ListExpansion? Expand(string localPart, Account? sender);
}

/// <summary>A provider's answer for one list address.</summary>
/// <param name="Name">The list as shown in replies ("annonce.6a").</param>
/// <param name="MemberIds">The member account ids.</param>
/// <param name="Refusal">When set, the sender may not use this list, for this reason; no member is delivered.</param>
/// <param name="Temporary">The provider could not answer now: a temporary refusal (the client retries).</param>
public sealed record ListExpansion(string Name, IReadOnlyList<string> MemberIds, string? Refusal = null, bool Temporary = false)
{
    /// <summary>The sender may not use the list.</summary>
    public static ListExpansion Refused(string name, string reason) => new(name, [], reason);

    /// <summary>The provider failed; try again later.</summary>
    public static ListExpansion Unavailable(string name, string reason) => new(name, [], reason, Temporary: true);
}
