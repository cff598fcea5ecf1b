namespace Scorecard.Api.Hosting;

/// <summary>
/// Enforces <see cref="ServerLimits.MaxRequestBodyBytes"/> on every request whatever the
/// server: a declared length over the limit is refused before reading, a chunked body is cut off
/// when it passes the limit. Both answer 413.
/// </summary>
internal static class BodySizeLimit
{
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(
            async (context, next) =>
            {
                if (context.Request.ContentLength > maxBytes)
                {
                    throw new BadHttpRequestException(
                        $"The request body is larger than {maxBytes} bytes.",
                        StatusCodes.Status413PayloadTooLarge
                    );
                }

                context.Request.Body = new LimitedStream(context.Request.Body, maxBytes);
                await next(context).ConfigureAwait(false);
            }
        );

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(
            Memory<byte> buffer,
            CancellationToken cancellationToken = default
        ) => Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken
        ) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > maxBytes
                ? throw new BadHttpRequestException(
                    $"The request body is larger than {maxBytes} bytes.",
                    StatusCodes.Status413PayloadTooLarge
                )
                : n;
        }
    }
}
