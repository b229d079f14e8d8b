namespace Preau.Core.Rights;

/// <summary>The answer of <see cref="RightsService.Check"/>.</summary>
/// <param name="Allowed">Whether the account holds the right.</param>
/// <param name="Right">The right asked for ("administration.services").</param>
/// <param name="Reason">French, ASCII punctuation (it travels in SMTP and IMAP replies): on a refusal it
/// names the missing right and what it allows; on a grant, what grants it.</param>
public sealed record RightDecision(bool Allowed, string Right, string Reason);
