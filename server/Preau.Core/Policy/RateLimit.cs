namespace Preau.Core.Policy;

/// <summary>How much one account may send in a sliding window; zero means no limit.</summary>
/// <param name="Messages">Messages per <paramref name="MessageWindow"/>.</param>
/// <param name="MessageWindow">Window for the message count.</param>
/// <param name="Recipients">Recipients (after expansion) per <paramref name="RecipientWindow"/>.</param>
/// <param name="RecipientWindow">Window for the recipient count.</param>
public sealed record RateLimit(int Messages, TimeSpan MessageWindow, int Recipients, TimeSpan RecipientWindow)
{
    /// <summary>No limit.</summary>
    public static RateLimit None { get; } = new(0, TimeSpan.Zero, 0, TimeSpan.Zero);
}
