"""An aiosmtpd handler that refuses every recipient: the mail server that says no."""


class Refuse:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 <%s>: mailbox unavailable" % address
