using Preau.Core.Accounts;

namespace Preau.Core.Policy;

/// <summary>A recipient once resolved: a local account, or an address outside the school.</summary>
public abstract record Recipient
{
    /// <summary>The address used for delivery.</summary>
    public abstract string Address { get; }
}

/// <summary>A local account.</summary>
public sealed record LocalRecipient(Account Account, string Domain) : Recipient
{
    /// <inheritdoc/>
    public override string Address => $"{Account.Login}@{Domain}";
}

/// <summary>An address outside the school, relayed.</summary>
public sealed record ExternalRecipient(string Mailbox) : Recipient
{
    /// <inheritdoc/>
    public override string Address => Mailbox;
}

/// <summary>The answer of the policy to one step of a submission, with the SMTP reply that carries it.</summary>
/// <param name="Accepted">Whether the step is accepted.</param>
/// <param name="Code">SMTP reply code (250, 450, 452, 550…).</param>
/// <param name="Enhanced">RFC 3463 enhanced status code ("5.7.1").</param>
/// <param name="Text">Human-readable reason, naming who and which rule.</param>
/// <param name="Recipients">For an accepted recipient: the accounts or addresses it stands for (more than one for a list).</param>
public sealed record PolicyDecision(bool Accepted, int Code, string Enhanced, string Text, IReadOnlyList<Recipient> Recipients)
{
    /// <summary>Accepted, standing for these recipients.</summary>
    public static PolicyDecision Accept(IReadOnlyList<Recipient> recipients, string text = "OK") =>
        new(true, 250, "2.1.5", text, recipients);

    /// <summary>Accepted sender.</summary>
    public static PolicyDecision AcceptSender() => new(true, 250, "2.1.0", "sender OK", []);

    /// <summary>Permanent refusal.</summary>
    public static PolicyDecision Refuse(int code, string enhanced, string text) => new(false, code, enhanced, text, []);

    /// <inheritdoc/>
    public override string ToString() => $"{Code} {Enhanced} {Text}";
}
