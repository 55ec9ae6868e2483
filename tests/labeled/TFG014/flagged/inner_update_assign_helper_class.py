# A meta-learner keeps "fast weights" in a variable; the inner update is assigned to it and
# the query loss is computed from it, so the meta-gradient for the slow weights is None.
import tensorflow as tf

x_support = tf.random.normal([8, 2])
y_support = tf.random.normal([8, 1])
x_query = tf.random.normal([8, 2])
y_query = tf.random.normal([8, 1])
slow = tf.Variable(tf.random.normal([2, 1]))
fast = tf.Variable(tf.zeros([2, 1]))
alpha = 0.01

with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        support_loss = tf.reduce_mean((x_support @ slow - y_support) ** 2)
    g = inner.gradient(support_loss, slow)
    fast.assign(slow - alpha * g)
    query_loss = tf.reduce_mean((x_query @ fast - y_query) ** 2)
meta_grad = outer.gradient(query_loss, slow)  # expect: TFG014
print(meta_grad)
