namespace Preau.Smtp.Net;

/// <summary>What the client's next bytes are, as the server's last reply made them: commands, a
/// message body (after 354) or an AUTH response (after 334). Shared by the two directions of one
/// connection; the output side sets it, the input side (<see cref="InputGuardStream"/>) reads it.</summary>
internal sealed class ConversationState
{
    private volatile int _mode;

    public const int Commands = 0;
    public const int DataStart = 1;
    public const int Data = 2;
    public const int AuthResponse = 3;

    public int Mode
    {
        get => _mode;
        set => _mode = value;
    }

    /// <summary>Called with each chunk the server writes (one or more reply lines): "354" opens a
    /// body, "334" asks for an AUTH response.</summary>
    public void Observe(ReadOnlySpan<byte> replies)
    {
        while (replies.Length >= 3)
        {
            if (replies.StartsWith("354"u8))
            {
                Mode = DataStart;
            }
            else if (replies.StartsWith("334"u8))
            {
                Mode = AuthResponse;
            }

            var end = replies.IndexOf((byte)'\n');
            if (end < 0)
            {
                return;
            }

            replies = replies[(end + 1)..];
        }
    }
}
