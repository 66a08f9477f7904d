import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes the connection instead of writing a response that carries the drop marker, which the
/// fault middleware sets. Hummingbird gives handlers no way to abandon a connection, so the
/// simulator does it in the channel pipeline, as a real network failure would look to a client.
final class ConnectionDropHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    static let markerField = HTTPField.Name("x-simulator-drop-connection")!

    private var dropping = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        if case .head(let head) = part, head.headerFields[Self.markerField] != nil {
            dropping = true
            context.close(promise: nil)
        }
        if dropping {
            promise?.fail(ChannelError.ioOnClosedChannel)
            if case .end = part { dropping = false }
            return
        }
        context.write(data, promise: promise)
    }
}
