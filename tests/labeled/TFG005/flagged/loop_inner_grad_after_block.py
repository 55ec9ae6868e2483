# Hessian-vector style loop: the outer tape's target is the inner gradient, computed
# after the outer block ended.
import tensorflow as tf

x = tf.Variable(tf.random.normal([3, 2]))
for epoch in range(2):
    with tf.GradientTape(persistent=True) as outer:
        with tf.GradientTape() as inner:
            y = tf.reduce_sum(tf.exp(x), axis=1)
    dy = inner.gradient(y, x)
    hess = outer.gradient(dy, x)  # expect: TFG005
    print(epoch, hess)
