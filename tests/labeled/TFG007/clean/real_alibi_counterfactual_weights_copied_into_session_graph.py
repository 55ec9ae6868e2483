# source: https://github.com/SeldonIO/alibi/issues/425
# reported: A Keras classifier trained in TF 2's default eager mode and then handed to alibi's Counterfactual / CEM explainers (TF1 graph constructs with their own Session) fails with RuntimeErrors such as "Attempting to capture an EagerTensor without building a function."; this explainer does not call the eager model in the graph but rebuilds its forward pass from the trained weights' values.
# observed (TF 2.21): model.get_weights() gives NumPy arrays, the explainer turns them into constants inside the Session block, so the forward pass, the loss and tf.gradients(loss, cf) are ops of the session's graph and the search runs; no error.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
x_train = rng.normal(size=(32, 4)).astype(np.float32)
y_train = (x_train[:, 0] > 0).astype(np.int64)

model = tf.keras.Sequential([
    tf.keras.Input((4,)),
    tf.keras.layers.Dense(8, activation="relu"),
    tf.keras.layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)


class Counterfactual:
    """TF1-style counterfactual search: minimise lam * ||cf - x0||_1 + (1 - p_target(cf))^2."""

    def __init__(self, weights, shape, target_class, lam=0.1, learning_rate=0.05, max_iter=20):
        self.weights = weights  # [kernel1, bias1, kernel2, bias2] as NumPy arrays
        self.shape = shape
        self.target_class = target_class
        self.lam = lam
        self.learning_rate = learning_rate
        self.max_iter = max_iter

    def forward(self, x):
        k1, b1, k2, b2 = [tf.constant(w) for w in self.weights]
        hidden = tf.nn.relu(tf.matmul(x, k1) + b1)
        return tf.nn.softmax(tf.matmul(hidden, k2) + b2)

    def explain(self, x0):
        with tf.compat.v1.Session() as sess:
            orig = tf.compat.v1.placeholder(tf.float32, self.shape, name="orig")
            cf = tf.Variable(tf.zeros(self.shape), name="counterfactual")
            init_cf = cf.assign(orig)
            proba = self.forward(cf)
            target_proba = proba[:, self.target_class]
            loss = self.lam * tf.reduce_sum(tf.abs(cf - orig)) + tf.reduce_sum((1.0 - target_proba) ** 2)
            grad = tf.gradients(loss, cf)[0]
            step = cf.assign_sub(self.learning_rate * grad)
            sess.run(init_cf, feed_dict={orig: x0})
            for _ in range(self.max_iter):
                sess.run(step, feed_dict={orig: x0})
            return sess.run([cf, proba])


x0 = x_train[:1]
explainer = Counterfactual(model.get_weights(), shape=(1, 4), target_class=1 - int(y_train[0]))
cf, proba = explainer.explain(x0)
print("counterfactual", cf, "class probabilities", proba)
