using Preau.Core.Accounts;

namespace Preau.Core.Mail.Webmail;

/// <summary>One address as the compose form checks it before sending.</summary>
/// <param name="Address">The address checked.</param>
/// <param name="Allowed">Whether sending to it would be accepted now.</param>
/// <param name="Reason">The rule's words when refused.</param>
/// <param name="Count">Recipients it stands for (a list's members after expansion).</param>
public sealed record CheckedRecipient(string Address, bool Allowed, string? Reason, int Count);

/// <summary>The compose form's recipients, checked.</summary>
/// <param name="Recipients">Each address, in the order given.</param>
/// <param name="Total">Distinct recipients of the accepted addresses, lists expanded.</param>
/// <param name="Limit">The per-message limit (150 unless configured).</param>
public sealed record RecipientCheckResult(IReadOnlyList<CheckedRecipient> Recipients, int Total, int Limit);

/// <summary>Checks recipients exactly as sending would (<see cref="SubmissionTransaction"/>: sender state and
/// rights, the rules, list expansion, the external right, rate limits), without sending anything.</summary>
public static class RecipientCheck
{
    /// <summary>Checks each address on its own; the total counts distinct members of all accepted ones,
    /// so the form can show the limit as recipients are added.</summary>
    /// <param name="submission">The submission service.</param>
    /// <param name="sender">The signed-in account.</param>
    /// <param name="senderAddress">Its address.</param>
    /// <param name="context">Where the check comes from (the webmail).</param>
    /// <param name="addresses">The addresses typed.</param>
    public static RecipientCheckResult Check(SubmissionService submission, Account sender, string senderAddress, SubmissionContext context, IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(addresses);
        var distinct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var checkedRecipients = new List<CheckedRecipient>();
        foreach (var address in addresses)
        {
            // One transaction per address: each answer is about that address alone, as if it were the only one.
            var transaction = submission.Begin(sender, context with { IgnoreRecipientLimit = false });
            var from = transaction.SetMailFrom(senderAddress);
            if (!from.Accepted)
            {
                checkedRecipients.Add(new CheckedRecipient(address, false, from.Text, 0));
                continue;
            }

            var decision = transaction.AddRecipient(address);
            if (!decision.Accepted)
            {
                checkedRecipients.Add(new CheckedRecipient(address, false, decision.Text, 0));
                continue;
            }

            foreach (var recipient in decision.Recipients)
            {
                distinct.Add(recipient.Address);
            }

            checkedRecipients.Add(new CheckedRecipient(address, true, null, decision.Recipients.Count));
        }

        return new RecipientCheckResult(checkedRecipients, distinct.Count, submission.Policy.Settings.MaxRecipients);
    }
}
