/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Network confinement: the socket hooks' decisions.
 */
#ifndef _SECURITY_CTRPOLICY_NET_H
#define _SECURITY_CTRPOLICY_NET_H

struct msghdr;
struct sockaddr;
struct socket;

int ctrpolicy_decide_socket_create(int family, int type, int protocol, int kern);
int ctrpolicy_decide_socket_bind(struct socket *sock, struct sockaddr *address,
				 int addrlen);
int ctrpolicy_decide_socket_connect(struct socket *sock,
				    struct sockaddr *address, int addrlen);
int ctrpolicy_decide_socket_listen(struct socket *sock);
int ctrpolicy_decide_socket_sendmsg(struct socket *sock, struct msghdr *msg);

#endif /* _SECURITY_CTRPOLICY_NET_H */
