# compat.v1 spelling in an eager script: concat before the tape, both partials requested
# at once and unpacked.
import tensorflow.compat.v1 as tf1

w = tf1.Variable(tf1.random.normal([2, 1]))
x = tf1.random.uniform([4, 1])
t = tf1.random.uniform([4, 1])
X = tf1.concat([x, t], 1)

with tf1.GradientTape() as tape:
    tape.watch(X)
    u = tf1.matmul(X, w) ** 2
u_x, u_t = tape.gradient(u, [x, t])  # expect: TFG001
print(u_x, u_t)
